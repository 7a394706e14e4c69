package pagelab.app.grading;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The private channel between the host and one grading child: a Unix-domain socket (not the child's standard
 * output, which its code can write to), carrying frames that each bear an HMAC-SHA256 under a secret only the host
 * and that child know. The host makes the secret, hands it over on the child's standard input before any solution
 * code exists in the child, and the child keeps it where no solution can reach (the solution policy refuses
 * reflection, files and sockets). A frame whose MAC or sequence number is wrong is a {@link TamperedException},
 * and the host then trusts nothing more from that child.
 *
 * <p>A frame: {@code int length | byte type | payload | 32-byte MAC}, the MAC taken over the direction, a
 * per-direction sequence number, the type and the payload. Sending is thread-safe; receiving is for one thread.
 */
final class ChildChannel implements Closeable {
    /** No frame is larger: a reply carries at most a result with bounded evidence and 16 KB of output. */
    static final int MAX_FRAME = 32 * 1024 * 1024;
    private static final int MAC_BYTES = HmacSha256.LENGTH;

    /** The child is up and reads requests. */
    static final byte READY = 'R';
    /** A request (host to child) or a reply (child to host): JSON follows. */
    static final byte REQUEST = 'Q';
    static final byte REPLY = 'A';
    /** The child's shutdown hook ran: something called {@code System.exit}. */
    static final byte EXITING = 'X';

    /** One frame as received. */
    record Frame(byte type, byte[] payload) {
    }

    /** A frame failed authentication: a forgery, a replay, or bytes that are not this channel's. */
    static final class TamperedException extends IOException {
        private static final long serialVersionUID = 1L;

        TamperedException(String message) {
            super(message);
        }
    }

    private final SocketChannel socket;
    private final byte sendDirection;
    /** One MAC for sending (under this object's lock), one for receiving (its one thread). */
    private final HmacSha256 sendMac;
    private final HmacSha256 receiveMac;
    private long sent;
    private long received;

    private ChildChannel(SocketChannel socket, byte[] key, boolean host) {
        this.socket = socket;
        this.sendDirection = (byte) (host ? 0 : 1);
        this.sendMac = new HmacSha256(key);
        this.receiveMac = new HmacSha256(key);
    }

    /** The host's end. */
    static ChildChannel host(SocketChannel socket, byte[] key) {
        return new ChildChannel(socket, key, true);
    }

    /** The child's end. */
    static ChildChannel child(SocketChannel socket, byte[] key) {
        return new ChildChannel(socket, key, false);
    }

    /** A new secret, as the hex line the child reads on its standard input. */
    static String newSecret() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return HexFormat.of().formatHex(k);
    }

    static byte[] parseSecret(String hex) {
        byte[] k = HexFormat.of().parseHex(hex.strip());
        if (k.length != 32) {
            throw new IllegalArgumentException("a channel secret is 32 bytes, got " + k.length);
        }
        return k;
    }

    synchronized void send(byte type, byte[] payload) throws IOException {
        if (payload.length > MAX_FRAME) {
            throw new IOException("a frame of " + payload.length + " bytes is larger than " + MAX_FRAME);
        }
        byte[] mac = mac(sendMac, sendDirection, sent++, type, payload);
        ByteBuffer b = ByteBuffer.allocate(4 + 1 + payload.length + MAC_BYTES);
        b.putInt(1 + payload.length).put(type).put(payload).put(mac).flip();
        while (b.hasRemaining()) {
            socket.write(b);
        }
    }

    /**
     * The next frame, after checking its MAC and sequence number.
     *
     * @throws EOFException       when the other end has closed
     * @throws TamperedException  when the frame fails authentication or is too large
     */
    Frame receive() throws IOException {
        ByteBuffer header = read(4);
        int length = header.getInt();
        if (length < 1 || length > MAX_FRAME + 1) {
            throw new TamperedException("a frame claims " + length + " bytes");
        }
        ByteBuffer body = read(length + MAC_BYTES);
        byte type = body.get();
        byte[] payload = new byte[length - 1];
        body.get(payload);
        byte[] mac = new byte[MAC_BYTES];
        body.get(mac);
        byte receiveDirection = (byte) (1 - sendDirection);
        if (!MessageDigest.isEqual(mac, mac(receiveMac, receiveDirection, received, type, payload))) {
            throw new TamperedException("frame " + received + " failed authentication");
        }
        received++;
        return new Frame(type, payload);
    }

    private ByteBuffer read(int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (socket.read(b) < 0) {
                throw new EOFException("the channel closed");
            }
        }
        return b.flip();
    }

    private static byte[] mac(HmacSha256 m, byte direction, long sequence, byte type, byte[] payload) {
        m.update(ByteBuffer.allocate(10).put(direction).putLong(sequence).put(type).array());
        m.update(payload);
        return m.doFinal();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
