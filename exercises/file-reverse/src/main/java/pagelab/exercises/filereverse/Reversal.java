package pagelab.exercises.filereverse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.host.HostFiles;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

/**
 * One run of the student's {@code reverse} on a file the checker wrote, and what the checker can tell afterwards
 * from outside: the file's bytes and size, the calls made, the views and handles left. Used by one check.
 */
final class Reversal {
    static final String DIR = "C:\\PageLab\\";

    final String path;
    final long size;
    final boolean returned;
    final List<KernelCall> calls;
    private final CheckContext ctx;

    private Reversal(CheckContext ctx, String path, long size, boolean returned, List<KernelCall> calls) {
        this.ctx = ctx;
        this.path = path;
        this.size = size;
        this.returned = returned;
        this.calls = calls;
    }

    /** Writes {@code content} to {@code name} and reverses it. */
    static Reversal of(CheckContext ctx, FileReverser solution, String name, byte[] content) {
        ctx.machine().files().write(DIR + name, content);
        return run(ctx, solution, DIR + name, content.length);
    }

    /** Reverses a file already on the machine (or a missing one, {@code size} -1). */
    static Reversal run(CheckContext ctx, FileReverser solution, String path, long size) {
        long mark = ctx.mark();
        boolean result;
        try {
            result = solution.reverse(ctx.kernel32(), ctx.memory(), path);
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "reverse(\"{0}\") of {1} crashed the "
                    + "process: {2}.",
                    path, FileReverseChecks.bytes(size), Win32Names.exception(e.record())))
                    .hint(mapsExactSize(ctx, mark, size) ? "maps-exact-size" : "outside-view",
                            mapsExactSize(ctx, mark, size) ? "The mapping is exactly the file's " + Win32Names.bytes(size)
                            + ", whole pages with no slack after them: the zero written past the end lands outside the"
                            + " view. Map size + 1 bytes."
                            : e.record().NumberParameters >= 2 ? "Is " + Win32Names.hex(e.record().ExceptionInformation[1])
                            + " inside the view? A view covers the mapping's size, rounded up to whole pages."
                            : "Look at the last kernel calls before the crash: was each one's result checked?")
                    .evidence(ctx.traceEvidence()));
        }
        List<KernelCall> calls = new ArrayList<>();
        for (TraceEvent e : ctx.since(mark)) {
            if (e instanceof KernelCall k) {
                calls.add(k);
            }
        }
        return new Reversal(ctx, path, size, result, calls);
    }

    HostFiles files() {
        return ctx.machine().files();
    }

    long sizeNow() {
        return files().size(path);
    }

    /** The file's first {@code size} bytes now. */
    byte[] head() {
        return size <= 0 ? new byte[0] : files().read(path, 0, (int) size);
    }

    /** The first failed call of {@code function} during the run, or null. */
    KernelCall failed(String function) {
        return calls.stream().filter(k -> k.function().equals(function) && k.failed()).findFirst().orElse(null);
    }

    /** The mapping's maximum size as the student passed it to CreateFileMapping, or -1 if there was no call. */
    // The run's CreateFileMapping asked for exactly the file's size (or 0, which means the same): no byte for the
    // terminating zero.
    private static boolean mapsExactSize(CheckContext ctx, long mark, long size) {
        return ctx.since(mark).stream().filter(e -> e instanceof KernelCall k && k.function().equals("CreateFileMapping"))
                .map(KernelCall.class::cast).findFirst().map(k -> (Win32Names.parseHex(k.arguments().get(3)) << 32)
                        | Win32Names.parseHex(k.arguments().get(4))).map(asked -> asked == size || asked == 0)
                .orElse(false);
    }

    long mappingSize() {
        for (KernelCall k : calls) {
            if (k.function().equals("CreateFileMapping")) {
                return (Win32Names.parseHex(k.arguments().get(3)) << 32) | Win32Names.parseHex(k.arguments().get(4));
            }
        }
        return -1;
    }

    /** File and mapping handles opened during the run and not closed. */
    Set<String> openHandles() {
        Set<String> open = new HashSet<>();
        for (KernelCall k : calls) {
            if (k.failed()) {
                continue;
            }
            if (k.function().equals("CreateFile") || k.function().equals("CreateFileMapping")) {
                open.add(k.function() + " " + k.result());
            } else if (k.function().equals("CloseHandle")) {
                String h = k.arguments().get(0);
                open.remove("CreateFile " + h);
                open.remove("CreateFileMapping " + h);
            }
        }
        return open;
    }

    /** Mapped views left in the process. */
    long views() {
        return ctx.snapshot().allocations().stream().filter(a -> a.type() == WinNT.MEM_MAPPED).count();
    }

    Msg describeSize() {
        KernelCall setEnd = failed("SetEndOfFile");
        return setEnd != null ? Msg.of("size.set-end-failed", "{0} (SetEndOfFile failed with {1})",
                FileReverseChecks.bytes(sizeNow()), Win32Names.error(setEnd.lastError()))
                : FileReverseChecks.bytes(sizeNow());
    }


    /** Text bytes, no zeros: {@code length} bytes of a recognisable pattern that differs on every line. */
    static byte[] text(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = i % 64 == 63 ? (byte) '\n' : (byte) ('A' + (i * 7 + i / 64) % 58);
        }
        return b;
    }

    static byte[] reversed(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    /** Where two byte arrays first differ, or -1. */
    static int firstDifference(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : Math.min(a.length, b.length);
    }
}
