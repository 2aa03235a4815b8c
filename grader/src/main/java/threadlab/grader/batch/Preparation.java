package threadlab.grader.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import threadlab.grader.sandbox.ChildProcess;

/**
 * Turns a submission into what the grader reads — a folder, or the {@code .zip} itself (unpacked safely inside
 * the sandbox) — and fingerprints its content, so a re-run can tell an unchanged submission from a changed one.
 * A git clone or bundle is checked out at its default branch's head (or at {@code revision}) with the {@code git}
 * command; the fingerprint is then the commit.
 */
final class Preparation {

    /** Folders above this size are refused before anything runs. */
    static final long MAX_FOLDER_BYTES = 50L * 1024 * 1024;
    private static final int GIT_LIMIT_SECONDS = 120;

    /** What to grade, and its fingerprint. */
    record Prepared(Path gradable, String contentHash) {
    }

    /** Why a submission cannot be graded at all, said for the gradebook. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    private Preparation() {
    }

    static Prepared prepare(StudentSubmission submission, String revision, Path scratch) throws Refused, IOException {
        return switch (submission.kind()) {
            case FOLDER -> new Prepared(submission.source(), "sha256:" + hashFolder(submission.source()));
            case ZIP -> new Prepared(submission.source(), "sha256:" + hashFile(submission.source()));
            case GIT_CLONE, GIT_BUNDLE -> checkout(submission, revision, scratch);
        };
    }

    private static Prepared checkout(StudentSubmission submission, String revision, Path scratch) throws Refused, IOException {
        Path target = scratch.resolve("checkout");
        List<String> clone = new ArrayList<>(List.of("git", "-c", "core.hooksPath=/dev/null", "clone", "--quiet", "--no-local"));
        clone.add(submission.source().toAbsolutePath().toString());
        clone.add(target.toString());
        git(clone, scratch, "could not read the git " + (submission.kind() == StudentSubmission.Kind.GIT_BUNDLE ? "bundle" : "repository"));
        String wanted = revision != null ? revision : defaultBranchIfDetached(target, scratch);
        if (wanted != null) {
            git(List.of("git", "-C", target.toString(), "-c", "advice.detachedHead=false", "checkout", "--quiet", wanted), scratch,
                    "the repository has no revision '" + wanted + "'");
        }
        String commit = git(List.of("git", "-C", target.toString(), "rev-parse", "HEAD"), scratch, "the repository has no commit").strip();
        Folders.delete(target.resolve(".git"));
        hashFolder(target); // refuses symlinks and absurd sizes
        return new Prepared(target, "git:" + commit);
    }

    /**
     * The branch to check out when the clone has none checked out (a bundle made without its HEAD): main, else
     * master, else the only branch there is; null when HEAD is fine.
     */
    private static String defaultBranchIfDetached(Path clone, Path scratch) throws Refused, IOException {
        try {
            git(List.of("git", "-C", clone.toString(), "rev-parse", "--verify", "--quiet", "HEAD"), scratch, "");
            return null;
        } catch (Refused noHead) {
            List<String> branches = git(List.of("git", "-C", clone.toString(), "branch", "-r", "--format=%(refname:short)"),
                    scratch, "the repository has no branch").lines().map(String::strip).filter(b -> !b.isEmpty()).toList();
            for (String preferred : List.of("origin/main", "origin/master")) {
                if (branches.contains(preferred)) {
                    return preferred;
                }
            }
            if (branches.size() == 1) {
                return branches.get(0);
            }
            throw new Refused("the repository has no default branch to grade (branches: " + branches + "); give --revision");
        }
    }

    private static String git(List<String> command, Path scratch, String problem) throws Refused, IOException {
        Path log = Files.createTempFile(scratch, "git", ".log");
        ChildProcess.Ended ended = ChildProcess.of(command).stdout(log).timeLimit(Duration.ofSeconds(GIT_LIMIT_SECONDS)).run();
        if (ended.timedOut()) {
            throw new Refused(problem + ": git did not finish within " + GIT_LIMIT_SECONDS + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (ended.exitCode() != 0) {
            throw new Refused(problem + ": " + output.strip().lines().reduce((a, b) -> b).orElse("git failed"));
        }
        return output;
    }

    /** A fingerprint of every file's path and bytes; refuses symlinks and folders above {@link #MAX_FOLDER_BYTES}. */
    static String hashFolder(Path folder) throws Refused, IOException {
        MessageDigest digest = sha256();
        List<Path> files = new ArrayList<>();
        long[] total = {0};
        String[] refusal = {null};
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    refusal[0] = "it contains a symbolic link (" + folder.relativize(file) + "); submit real files";
                    return FileVisitResult.TERMINATE;
                }
                total[0] += attrs.size();
                if (total[0] > MAX_FOLDER_BYTES) {
                    refusal[0] = "it holds more than " + (MAX_FOLDER_BYTES >> 20) + " MB";
                    return FileVisitResult.TERMINATE;
                }
                files.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        if (refusal[0] != null) {
            throw new Refused(refusal[0]);
        }
        files.sort(null);
        for (Path file : files) {
            digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String hashFile(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
