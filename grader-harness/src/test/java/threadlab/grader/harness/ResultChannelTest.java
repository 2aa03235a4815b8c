package threadlab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

class ResultChannelTest {

    @TempDir
    Path dir;

    private final String secret = ResultChannel.newSecret();

    @Test
    void sealedRecordsReadBackInOrder() throws IOException {
        Path file = write(secret);

        ResultChannel.Reading reading = ResultChannel.read(file, secret);

        assertThat(reading.tampered()).isFalse();
        assertThat(reading.events()).extracting(CheckEvent::type)
                .containsExactly(CheckEvent.Type.STARTED, CheckEvent.Type.FINISHED, CheckEvent.Type.COMPLETED);
        assertThat(reading.events().get(1).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(reading.events().get(1).reason()).isEqualTo(Reason.ASSERTION);
    }

    @Test
    void recordsSealedWithAnotherSecretAreNotRead() throws IOException {
        Path file = write(ResultChannel.newSecret());

        ResultChannel.Reading reading = ResultChannel.read(file, secret);

        assertThat(reading.events()).isEmpty();
        assertThat(reading.tampered()).isTrue();
    }

    @Test
    void aForgedRecordEndsWhatIsTrustedAndIsReported() throws IOException {
        Path file = write(secret);
        List<String> lines = Files.readAllLines(file);
        String forged = lines.get(1).replace("\"failed\"", "\"passed\"");
        Files.write(file, List.of(lines.get(0), forged, lines.get(2)), StandardCharsets.UTF_8);

        ResultChannel.Reading reading = ResultChannel.read(file, secret);

        assertThat(reading.events()).hasSize(1);
        assertThat(reading.tampered()).isTrue();
    }

    @Test
    void aReplayedRecordBreaksTheSequence() throws IOException {
        Path file = write(secret);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(0)), StandardCharsets.UTF_8);

        ResultChannel.Reading reading = ResultChannel.read(file, secret);

        assertThat(reading.events()).hasSize(1);
        assertThat(reading.tampered()).isTrue();
    }

    @Test
    void aTornLastLineIsAJvmKilledMidWriteNotTampering() throws IOException {
        Path file = write(secret);
        Files.writeString(file, "0123abc {\"sequence\":3,", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        ResultChannel.Reading reading = ResultChannel.read(file, secret);

        assertThat(reading.events()).hasSize(3);
        assertThat(reading.tampered()).isFalse();
    }

    @Test
    void theSealOfAnyTextChecksOnlyWithItsSecret() {
        String seal = ResultChannel.seal(secret, "{\"score\":1}");

        assertThat(ResultChannel.isSealed(secret, "{\"score\":1}", seal)).isTrue();
        assertThat(ResultChannel.isSealed(secret, "{\"score\":2}", seal)).isFalse();
        assertThat(ResultChannel.isSealed(ResultChannel.newSecret(), "{\"score\":1}", seal)).isFalse();
    }

    private Path write(String key) throws IOException {
        Path file = dir.resolve("results.channel");
        Files.deleteIfExists(file);
        try (ResultChannel channel = ResultChannel.appendingTo(file, key)) {
            channel.write(CheckEvent.started("counterlock.trylock"));
            channel.write(CheckEvent.finished("counterlock.trylock", CheckStatus.FAILED, Reason.ASSERTION, "no", 3));
            channel.write(CheckEvent.completed());
        }
        return file;
    }
}
