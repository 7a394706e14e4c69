package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grading child's JVM options that only make it cheaper must not change what it can do. */
class ChildLaunchTest {
    @TempDir
    Path dir;

    @Test
    void theNamedSelectorProviderIsTheJdksOwnAndOpensTheChannelsSocket() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the provider is named on Linux only");
        List<String> flags = ChildLaunch.selectorProvider();
        assertThat(flags).containsExactly("-Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.EPollSelectorProvider");

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                dir.resolve("s").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).isEqualTo("sun.nio.ch.EPollSelectorProvider ping");
    }

    @Test
    void theShortLivedOptionsAreInEveryChildsCommand() {
        List<String> cmd = ChildLaunch.baseCommand(GraderOptions.defaults(dir));

        assertThat(cmd).contains("-XX:CompileThresholdScaling=4", "-Dsun.reflect.inflationThreshold=2147483647");
    }

    /** Opens a Unix-domain socket pair as a grading child does and says which provider served it. */
    public static final class Probe {
        public static void main(String[] args) throws IOException {
            Path socket = Path.of(args[0]);
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                    .bind(UnixDomainSocketAddress.of(socket));
                 SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                 SocketChannel accepted = server.accept()) {
                client.write(java.nio.ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
                java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(4);
                while (in.hasRemaining()) {
                    accepted.read(in);
                }
                System.out.println(SelectorProvider.provider().getClass().getName() + " "
                        + new String(in.array(), StandardCharsets.US_ASCII));
            } finally {
                Files.deleteIfExists(socket);
            }
        }
    }
}
