package pagelab.app.desktop.playground;

import pagelab.app.desktop.Messages;
import pagelab.app.results.ReportText;
import pagelab.app.desktop.trace.Timeline;
import pagelab.app.desktop.trace.TraceText;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.IntByReference;
import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.PROCESS_HEAP_ENTRY;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;
import pagelab.kernel.format.Win32Format;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh simulated process a student drives line by line. Each line is a Win32 call or a {@link
 * pagelab.kernel.Memory} access; faults inside a line are caught by an {@code __except} around it, so the
 * process survives an access violation as a C program with {@code __try} would.
 *
 * <p>Thread confinement: a session must be used by one thread only (the playground's worker), because the kernel
 * binds the calling Java thread to a simulated thread of the process. Results are immutable and may be passed
 * to the event-dispatch thread.
 */
public final class PlaygroundSession implements AutoCloseable {
    /** What one line did: text for the console, and the run so far for the memory map. */
    public record Outcome(String text, boolean ok, Timeline timeline) {
    }

    private final MachineConfig config;
    private final Machine machine;
    private final WinProcess process;
    private final AddressSpaceSnapshot initial;
    private final Map<String, Long> variables = new HashMap<>();
    /** The entry of each heap's HeapWalk in progress (see Invoker). */
    private final Map<Long, PROCESS_HEAP_ENTRY> heapWalks = new HashMap<>();
    private final List<String> lines = new ArrayList<>();
    private int counter;

    /**
     * Starts a machine and a process of the blank image.
     *
     * @throws IllegalStateException if no kernel is installed (the message says so)
     */
    public PlaygroundSession(MachineConfig config) {
        this.config = config;
        this.machine = Machine.create(config);
        this.process = machine.createProcess();
        this.initial = process.inspector().snapshot();
    }

    /** The lines run so far that succeeded in parsing, in order: what {@link SessionFiles} saves. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public boolean is64() {
        return config.is64Bit();
    }

    /** The run so far. */
    public Timeline timeline() {
        List<TraceEvent> events = process.inspector().trace();
        return Timeline.of(initial, events, config.is64Bit());
    }

    /** Runs one line. Never throws for bad input: the outcome says what was wrong. */
    public Outcome run(String line) {
        CommandLine cmd;
        try {
            cmd = CommandLine.parse(line);
        } catch (IllegalArgumentException e) {
            return new Outcome(Messages.format("playground.error", e.getMessage()), false, timeline());
        }
        if (cmd == null) {
            return new Outcome("", true, timeline());
        }
        if (!process.isAlive()) {
            return new Outcome(Messages.format("playground.error", Messages.format("playground.ended",
                    String.format("0x%08X", process.exitCode()))), false, timeline());
        }
        lines.add(line.trim());
        long before = process.inspector().trace().isEmpty() ? 0 : lastSequence();
        try {
            String text = invoke(cmd, before);
            return new Outcome(text, true, timeline());
        } catch (IllegalArgumentException e) {
            lines.remove(lines.size() - 1);
            return new Outcome(Messages.format("playground.error", e.getMessage()), false, timeline());
        }
    }

    private String invoke(CommandLine cmd, long sequenceBefore) {
        Invoker.Result[] result = new Invoker.Result[1];
        EXCEPTION_RECORD[] fault = new EXCEPTION_RECORD[1];
        try {
            process.seh().tryExcept(() -> {
                try {
                    result[0] = Invoker.call(cmd.function(), cmd.arguments(), variables, process.kernel32(),
                            process.memory(), heapWalks);
                } catch (InvocationTargetException e) {
                    // The kernel unwinds __try blocks with its own throwable: let it pass through reflection.
                    throw PlaygroundSession.<RuntimeException>sneaky(e.getCause());
                }
            }, record -> {
                fault[0] = record.copy();
                return WinNT.EXCEPTION_EXECUTE_HANDLER;
            }, record -> { });
        } catch (UnhandledSehException | ProcessTerminatedException e) {
            return Messages.format("playground.processEnded",
                    ReportText.of(Messages.uiLocale()).faults(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return Messages.format("playground.threw", String.valueOf(e));
        }
        if (fault[0] != null) {
            return "__except: " + Win32Format.exceptionCode(fault[0].ExceptionCode) + " "
                    + TraceText.access(fault[0], config.is64Bit());
        }
        return describe(cmd, result[0], sequenceBefore);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private String describe(CommandLine cmd, Invoker.Result r, long sequenceBefore) {
        StringBuilder sb = new StringBuilder();
        Object v = r.value();
        String name = v == null ? "" : "$" + (++counter);
        if (v instanceof Number || v instanceof Boolean) {
            long n = v instanceof Boolean ? ((Boolean) v ? 1 : 0) : ((Number) v).longValue();
            variables.put(name, n);
            if (cmd.variable() != null) {
                variables.put(cmd.variable(), n);
                name = cmd.variable();
            }
            sb.append(name).append(" = ").append(format(cmd.function(), v));
        } else if (v != null) {
            sb.append(name).append(" = \"").append(v).append('"');
        } else {
            sb.append(Messages.get("playground.ok"));
        }
        KernelCall call = lastCall(sequenceBefore);
        if (call != null && call.failed()) {
            sb.append("   GetLastError() = ").append(Win32Format.error(call.lastError()));
        }
        r.outs().forEach((out, value) -> sb.append("\n   ").append(out).append(" = ").append(outText(out, value)));
        return sb.toString();
    }

    private String format(String function, Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "TRUE" : "FALSE";
        }
        long n = ((Number) v).longValue();
        if (v instanceof Long && !function.equals("VirtualQuery") && !function.startsWith("Heap")
                || function.equals("HeapAlloc") || function.equals("HeapCreate") || function.equals("HeapReAlloc")) {
            return Win32Format.address(n, config.is64Bit());
        }
        return n + (Math.abs(n) >= 10 ? String.format(" (0x%X)", n) : "");
    }

    /** A protection as Windows reports it; 0 (free or reserved pages have none) is printed as 0, not left blank. */
    private static String protectOrZero(int protect) {
        return protect == 0 ? "0" : Win32Format.protection(protect);
    }

    private String outText(String name, Object value) {
        if (value instanceof MEMORY_BASIC_INFORMATION) {
            MEMORY_BASIC_INFORMATION m = (MEMORY_BASIC_INFORMATION) value;
            boolean x64 = config.is64Bit();
            return "{BaseAddress = " + Win32Format.address(m.BaseAddress, x64) + ", AllocationBase = "
                    + Win32Format.address(m.AllocationBase, x64) + ", AllocationProtect = "
                    + protectOrZero(m.AllocationProtect) + ",\n      RegionSize = "
                    + String.format("0x%X (%s)", m.RegionSize, Win32Format.size(m.RegionSize)) + ", State = "
                    + Win32Format.state(m.State) + ", Protect = " + protectOrZero(m.Protect) + ", Type = "
                    + (m.Type == 0 ? "0" : Win32Format.type(m.Type)) + "}";
        }
        if (value instanceof IntByReference) {
            int v = ((IntByReference) value).getValue();
            return name.endsWith("Protect") ? Win32Format.protection(v) : v + String.format(" (0x%X)", v);
        }
        if (value instanceof LongByReference) {
            return String.format("0x%X", ((LongByReference) value).getValue());
        }
        return String.valueOf(value);
    }

    private long lastSequence() {
        List<TraceEvent> t = process.inspector().trace();
        return t.isEmpty() ? 0 : t.get(t.size() - 1).sequence();
    }

    private KernelCall lastCall(long after) {
        List<TraceEvent> t = process.inspector().trace();
        for (int i = t.size() - 1; i >= 0 && t.get(i).sequence() > after; i--) {
            if (t.get(i) instanceof KernelCall) {
                return (KernelCall) t.get(i);
            }
        }
        return null;
    }

    @Override
    public void close() {
        machine.close();
    }
}
