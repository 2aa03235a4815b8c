package threadlab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The grader's version, from the build. */
public final class GraderVersion {

    private GraderVersion() {
    }

    public static String get() {
        try (InputStream in = GraderVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
