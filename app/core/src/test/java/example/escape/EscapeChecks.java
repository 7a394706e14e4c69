package example.escape;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import pagelab.exercise.Check;
import pagelab.exercise.CheckResult;

/**
 * Each check passes when its escape failed and fails, saying what got out, when it worked. The targets come as
 * system properties of the child ({@code escape.*}), set by the test.
 */
public class EscapeChecks {
    @Check(points = 1, title = "Cannot read the host's files", order = 1)
    public CheckResult readsTheHostsFiles() {
        try {
            String secret = Files.readString(Path.of(System.getProperty("escape.secret")));
            return CheckResult.fail("read the host's file: " + secret);
        } catch (IOException | RuntimeException e) {
            return CheckResult.pass("refused: " + e);
        }
    }

    @Check(points = 1, title = "Cannot write into the host's data folder", order = 2)
    public CheckResult writesIntoTheDataFolder() {
        try {
            Path planted = Path.of(System.getProperty("escape.planted"));
            Files.createDirectories(planted.getParent());
            Files.writeString(planted, "planted");
            return CheckResult.pass("wrote somewhere; the test looks whether it reached the host");
        } catch (IOException | RuntimeException e) {
            return CheckResult.pass("refused: " + e);
        }
    }

    @Check(points = 1, title = "Cannot reach the network", order = 3)
    public CheckResult reachesTheNetwork() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", Integer.getInteger("escape.port")), 1000);
            return CheckResult.fail("connected to the host's port " + Integer.getInteger("escape.port"));
        } catch (IOException | RuntimeException e) {
            return CheckResult.pass("refused: " + e);
        }
    }

    @Check(points = 1, title = "Cannot leave a process behind", order = 4)
    public CheckResult leavesAProcessBehind() {
        try {
            // a double fork: the sleep is reparented at once, so it is no descendant of this JVM any more
            new ProcessBuilder("sh", "-c", "(sleep " + System.getProperty("escape.token") + " &) &").start()
                    .waitFor();
            return CheckResult.pass("started one; the test looks whether it outlived the child");
        } catch (IOException | RuntimeException e) {
            return CheckResult.pass("refused: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.pass("interrupted");
        }
    }
}
