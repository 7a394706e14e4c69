package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The private channel refuses whatever does not carry the child's secret: a forged frame, a replayed one, a frame
 * for the other direction, an absurd length. What reaches the host is only what the child's runner sent.
 */
class ChildChannelTest {
    @TempDir
    Path dir;
    SocketChannel hostEnd;
    SocketChannel childEnd;
    byte[] key;

    @BeforeEach
    void connect() throws IOException {
        Path socket = dir.resolve("s");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            childEnd = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            hostEnd = server.accept();
        }
        key = ChildChannel.parseSecret(ChildChannel.newSecret());
    }

    @AfterEach
    void close() throws IOException {
        hostEnd.close();
        childEnd.close();
    }

    @Test
    void framesTravelBothWaysInOrder() throws IOException {
        ChildChannel host = ChildChannel.host(hostEnd, key);
        ChildChannel child = ChildChannel.child(childEnd, key);
        child.send(ChildChannel.READY, new byte[0]);
        host.send(ChildChannel.REQUEST, "q1".getBytes(StandardCharsets.UTF_8));
        child.send(ChildChannel.REPLY, "a1".getBytes(StandardCharsets.UTF_8));
        assertThat(host.receive().type()).isEqualTo(ChildChannel.READY);
        assertThat(new String(child.receive().payload(), StandardCharsets.UTF_8)).isEqualTo("q1");
        assertThat(new String(host.receive().payload(), StandardCharsets.UTF_8)).isEqualTo("a1");
    }

    @Test
    void aFrameMadeWithoutTheSecretIsRefused() throws IOException {
        ChildChannel host = ChildChannel.host(hostEnd, key);
        ChildChannel forger = ChildChannel.child(childEnd, ChildChannel.parseSecret(ChildChannel.newSecret()));
        forger.send(ChildChannel.REPLY, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(host::receive).isInstanceOf(ChildChannel.TamperedException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void aReplayedFrameIsRefused() throws IOException {
        ChildChannel host = ChildChannel.host(hostEnd, key);
        ChildChannel child = ChildChannel.child(childEnd, key);
        // capture the bytes of frame 0 by sending it to ourselves through a second, recording pair
        child.send(ChildChannel.REPLY, "a".getBytes(StandardCharsets.UTF_8));
        host.receive();
        ChildChannel replayer = ChildChannel.child(childEnd, key); // its sequence number starts at 0 again
        replayer.send(ChildChannel.REPLY, "a".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(host::receive).isInstanceOf(ChildChannel.TamperedException.class);
    }

    @Test
    void aFrameSignedForTheOtherDirectionIsRefused() throws IOException {
        ChildChannel host = ChildChannel.host(hostEnd, key);
        ChildChannel impostor = ChildChannel.host(childEnd, key); // signs as the host would
        impostor.send(ChildChannel.REPLY, "a".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(host::receive).isInstanceOf(ChildChannel.TamperedException.class);
    }

    @Test
    void anAbsurdLengthIsRefusedBeforeAnythingIsAllocated() throws IOException {
        ChildChannel host = ChildChannel.host(hostEnd, key);
        childEnd.write(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).flip());
        assertThatThrownBy(host::receive).isInstanceOf(ChildChannel.TamperedException.class)
                .hasMessageContaining("claims");
    }

    @Test
    void aClosedChannelEndsWithEof() throws IOException {
        ChildChannel host = ChildChannel.host(hostEnd, key);
        childEnd.close();
        assertThatThrownBy(host::receive).isInstanceOf(EOFException.class);
    }
}
