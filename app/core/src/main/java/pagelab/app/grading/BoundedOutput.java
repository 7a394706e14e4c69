package pagelab.app.grading;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code limit} bytes written and counts the rest, so a solution that prints 100 MB costs the
 * child a counter, not its heap. Thread-safe: solutions print from any thread.
 */
final class BoundedOutput extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        total++;
        if (kept.size() < limit) {
            kept.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException();
        }
        total += len;
        int room = Math.min(len, limit - kept.size());
        if (room > 0) {
            kept.write(b, off, room);
        }
    }

    /** Bytes written since the last {@link #drain}. */
    synchronized long total() {
        return total;
    }

    /** The kept text (with a note when some was cut), and resets the counters. */
    synchronized String drain() {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (total > kept.size()) {
            text += "\n... output cut: " + total + " bytes written, the first " + kept.size() + " kept";
        }
        kept.reset();
        total = 0;
        return text;
    }
}
