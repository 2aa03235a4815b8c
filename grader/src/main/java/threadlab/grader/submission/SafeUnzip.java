package threadlab.grader.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts a submission archive, refusing anything that could escape the target folder or exhaust
 * the disk: entries with absolute paths or {@code ..} (zip-slip), and archives that unpack too large.
 */
final class SafeUnzip {

    static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;

    private SafeUnzip() {
    }

    static void extract(Path archive, Path target) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            long total = 0;
            int count = 0;
            Path root = target.toAbsolutePath().normalize();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw new SubmissionException(archive + ": more than " + MAX_ENTRIES + " entries; refusing to unpack it");
                }
                Path dest = root.resolve(entry.getName()).normalize();
                if (entry.getName().startsWith("/") || entry.getName().contains("\\") || !dest.startsWith(root)) {
                    throw new SubmissionException(archive + ": the entry '" + entry.getName()
                            + "' points outside the archive's folder; refusing to unpack it (zip-slip)");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(dest)) {
                    total += copyBounded(in, out, MAX_TOTAL_BYTES - total, archive);
                }
            }
            if (count == 0) {
                throw new SubmissionException(archive + " is an empty zip archive: it holds no files to grade");
            }
        } catch (ZipException e) {
            throw new SubmissionException(archive + " is not a readable zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new SubmissionException("could not unpack " + archive + ": " + e.getMessage(), e);
        }
    }

    private static long copyBounded(InputStream in, OutputStream out, long budget, Path archive) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            copied += n;
            if (copied > budget) {
                throw new SubmissionException(archive + " unpacks to more than " + MAX_TOTAL_BYTES / (1024 * 1024)
                        + " MiB; refusing to unpack it");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }
}
