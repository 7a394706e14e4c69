package pagelab.kernel.conformance.oracle;

import static pagelab.kernel.WinNT.MEM_RESET;


import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;

/**
 * The oracle's Java interpreter: runs one script of Win32 calls (README.md in {@code src/test/oracle}) against
 * {@code pagelab.kernel} on a fresh 64-bit machine and prints one canonical line per call, exactly as
 * {@code oracle.c} prints it against Windows or Wine. Where the two outputs differ, the simulator and Wine
 * disagree.
 */
final class ScriptInterpreter {
    /** Where the scripts' files live in the simulated machine (oracle.c puts them in the temporary folder). */
    static final String FILE_DIR = "C:\\oracle\\";

    private final Symbols symbols = new Symbols();
    private final WinProcess process;
    private final Kernel32 k;
    private final Memory mem;

    private ScriptInterpreter(WinProcess process) {
        this.process = process;
        this.k = process.kernel32();
        this.mem = process.memory();
    }

    /**
     * What a script printed, and for each line the {@link Facts} that held on the simulator just before its call
     * (what {@link Deviations}' rules are conditioned on).
     */
    record Run(List<String> lines, List<Set<String>> facts) {
    }

    /** The output of {@code script}: one line per call, in order. */
    static List<String> run(Script script) {
        return runWithFacts(script).lines();
    }

    static Run runWithFacts(Script script) {
        try (Machine m = Machine.create(MachineConfig.x64().seed(1))) {
            ScriptInterpreter in = new ScriptInterpreter(m.createProcess());
            List<String> out = new ArrayList<>();
            List<Set<String>> facts = new ArrayList<>();
            for (Script.Line line : script.lines()) {
                String result;
                Set<String> before = Set.of();
                try {
                    before = in.facts(line.tokens());
                    result = in.call(line);
                } catch (RuntimeException e) { // a Win32 call must never throw: the difference says it did
                    result = line.tokens().get(0) + ": threw " + e;
                }
                out.add("L" + line.number() + " " + result);
                facts.add(before);
            }
            return new Run(out, facts);
        }
    }

    /** The facts of {@link Facts} that hold for the call on {@code t}, read from the simulator before it runs. */
    private Set<String> facts(List<String> t) {
        Set<String> out = new TreeSet<>();
        switch (t.get(0)) {
            case "VirtualProtect" -> {
                if (Facts.outsideOneAllocation(k, arg(t, 1), arg(t, 2))) {
                    out.add(Facts.OUTSIDE_ONE_ALLOCATION);
                }
                if (Facts.invalidProtection((int) arg(t, 3))) {
                    out.add(Facts.INVALID_PROTECTION);
                }
                if (Facts.privateAllocation(k, arg(t, 1))) {
                    out.add(Facts.PRIVATE_ALLOCATION);
                }
                if (Facts.writecopy((int) arg(t, 3))) {
                    out.add(Facts.WRITECOPY_PROTECTION);
                }
            }
            case "VirtualFree" -> {
                if (Facts.firstPageFree(k, arg(t, 1))) {
                    out.add(Facts.FIRST_PAGE_FREE);
                }
                if (Facts.validFreeType((int) arg(t, 3), arg(t, 2))) {
                    out.add(Facts.VALID_FREE_TYPE);
                }
            }
            case "VirtualAlloc" -> {
                if (Facts.resetWithAnotherType((int) arg(t, 3))) {
                    out.add(Facts.RESET_WITH_ANOTHER_TYPE);
                }
                if ((int) arg(t, 3) == MEM_RESET) {
                    out.add(Facts.RESET);
                }
                if (Facts.invalidProtection((int) arg(t, 4))) {
                    out.add(Facts.INVALID_PROTECTION);
                }
            }
            case "read", "write" -> {
                if (Facts.reserved(k, arg(t, 1))) {
                    out.add(Facts.RESERVED_PAGE);
                }
            }
            case "CreateFileMapping" -> {
                if (Facts.noSectionType((int) arg(t, 2))) {
                    out.add(Facts.NO_SECTION_TYPE);
                }
                if ((arg(t, 2) & WinNT.SEC_IMAGE) != 0 && arg(t, 1) == WinNT.INVALID_HANDLE_VALUE) {
                    out.add(Facts.IMAGE_WITHOUT_FILE);
                }
            }
            default -> { }
        }
        if (t.size() > 1 && List.of("VirtualQuery", "read", "write", "VirtualProtect", "VirtualFree", "UnmapViewOfFile",
                "VirtualAlloc").contains(t.get(0)) && symbols.address(arg(t, 1)).equals("?")) {
            out.add(Facts.FOREIGN_ADDRESS);
        }
        if (t.get(0).equals("VirtualQuery") && Facts.reserved(k, arg(t, 1))) {
            out.add(Facts.RESERVED_PAGE);
        }
        if (List.of("VirtualQuery", "VirtualProtect").contains(t.get(0))) {
            int allocation = Facts.allocationProtect(k, arg(t, 1));
            if ((allocation & WinNT.PAGE_GUARD) != 0) {
                out.add(Facts.GUARD_ALLOCATION);
            }
            if ((allocation & WinNT.PAGE_WRITECOMBINE) != 0) {
                out.add(Facts.WRITECOMBINE_ALLOCATION);
            }
        }
        return out;
    }

    private String call(Script.Line line) {
        String target = line.target();
        List<String> t = line.tokens();
        String f = t.get(0);
        k.SetLastError(0xDEADBEEF);
        String out = switch (f) {
            case "VirtualAlloc" -> virtualAlloc(t, target);
            case "VirtualFree" -> bool(k.VirtualFree(arg(t, 1), arg(t, 2), (int) arg(t, 3)));
            case "VirtualProtect" -> virtualProtect(t);
            case "VirtualQuery" -> virtualQuery(t);
            case "CreateFileMapping" -> handle(target, k.CreateFileMapping(arg(t, 1), null, (int) arg(t, 2),
                    (int) arg(t, 3), (int) arg(t, 4), t.size() > 5 && !t.get(5).equals("null") ? t.get(5) : null));
            case "OpenFileMapping" -> handle(target, k.OpenFileMapping((int) arg(t, 1), arg(t, 2) != 0,
                    t.size() > 3 ? t.get(3) : ""));
            case "MapViewOfFile", "MapViewOfFileEx" -> mapView(t, target, f.equals("MapViewOfFileEx"));
            case "UnmapViewOfFile" -> bool(k.UnmapViewOfFile(arg(t, 1)));
            case "FlushViewOfFile" -> bool(k.FlushViewOfFile(arg(t, 1), arg(t, 2)));
            case "CloseHandle" -> bool(k.CloseHandle(arg(t, 1)));
            case "CreateFile" -> handle(target, k.CreateFile(FILE_DIR + (t.size() > 1 ? t.get(1) : "x"),
                    (int) arg(t, 2), (int) arg(t, 3), null, (int) arg(t, 4), (int) arg(t, 5), 0));
            case "WriteFile", "ReadFile" -> transfer(t, f.equals("WriteFile"));
            case "SetFilePointerEx" -> {
                LongByReference pos = new LongByReference(0xDEADBEEFL);
                boolean ok = k.SetFilePointerEx(arg(t, 1), arg(t, 2), pos, (int) arg(t, 3));
                yield bool(ok) + " pos=" + pos.getValue();
            }
            case "SetEndOfFile" -> bool(k.SetEndOfFile(arg(t, 1)));
            case "GetFileSizeEx" -> {
                LongByReference size = new LongByReference(0xDEADBEEFL);
                boolean ok = k.GetFileSizeEx(arg(t, 1), size);
                yield bool(ok) + " size=" + size.getValue();
            }
            case "read", "write" -> access(t, f.equals("read"));
            default -> "unknown";
        };
        return f + ":" + (out.isEmpty() ? "" : " " + out);
    }

    private long arg(List<String> t, int i) {
        return i < t.size() ? symbols.value(t.get(i)) : 0;
    }

    private String err() {
        return "err=" + Integer.toUnsignedString(k.GetLastError());
    }

    private String bool(boolean ok) {
        return "ret=" + (ok ? 1 : 0) + " " + err();
    }

    private String virtualAlloc(List<String> t, String target) {
        long want = arg(t, 1);
        long r = k.VirtualAlloc(want, arg(t, 2), (int) arg(t, 3), (int) arg(t, 4));
        String e = err();
        String ret = r != 0 && want == 0 ? "new" : symbols.address(r);
        symbols.bindAddress(target, r, arg(t, 2), false);
        return "ret=" + ret + " " + e;
    }

    private String virtualProtect(List<String> t) {
        IntByReference old = new IntByReference(0xDEADBEEF);
        boolean ok = k.VirtualProtect(arg(t, 1), arg(t, 2), (int) arg(t, 3), old);
        return bool(ok) + " old=" + Symbols.hex(Integer.toUnsignedLong(old.getValue()));
    }

    private String virtualQuery(List<String> t) {
        MEMORY_BASIC_INFORMATION m = new MEMORY_BASIC_INFORMATION();
        long r = k.VirtualQuery(arg(t, 1), m);
        String e = err();
        if (r == 0) {
            return "ret=0 " + e;
        }
        if (m.State == WinNT.MEM_FREE) {
            return "ret=" + r + " " + e + " base=" + symbols.address(m.BaseAddress) + " state="
                    + Symbols.hex(Integer.toUnsignedLong(m.State)) + " prot=" + Symbols.hex(Integer.toUnsignedLong(m.Protect));
        }
        return "ret=" + r + " " + e + " base=" + symbols.address(m.BaseAddress) + " alloc="
                + symbols.address(m.AllocationBase) + " aprot=" + Symbols.hex(Integer.toUnsignedLong(m.AllocationProtect))
                + " size=" + Symbols.hex(m.RegionSize) + " state=" + Symbols.hex(Integer.toUnsignedLong(m.State))
                + " prot=" + Symbols.hex(Integer.toUnsignedLong(m.Protect)) + " type="
                + Symbols.hex(Integer.toUnsignedLong(m.Type));
    }

    private String handle(String target, long h) {
        String e = err();
        symbols.bindHandle(target, h);
        return "ret=" + Symbols.handle(h) + " " + e;
    }

    private String mapView(List<String> t, String target, boolean ex) {
        long want = ex ? arg(t, 6) : 0;
        long r = ex ? k.MapViewOfFileEx(arg(t, 1), (int) arg(t, 2), (int) arg(t, 3), (int) arg(t, 4), arg(t, 5), want)
                : k.MapViewOfFile(arg(t, 1), (int) arg(t, 2), (int) arg(t, 3), (int) arg(t, 4), arg(t, 5));
        String e = err();
        String ret = r != 0 && want == 0 ? "new" : symbols.address(r);
        symbols.bindAddress(target, r, arg(t, 5) != 0 ? arg(t, 5) : 0x40000000L, true);
        return "ret=" + ret + " " + e;
    }

    private String transfer(List<String> t, boolean write) {
        IntByReference done = new IntByReference(0xDEADBEEF);
        boolean ok = write ? k.WriteFile(arg(t, 1), arg(t, 2), (int) arg(t, 3), done, 0)
                : k.ReadFile(arg(t, 1), arg(t, 2), (int) arg(t, 3), done, 0);
        return bool(ok) + " n=" + Integer.toUnsignedString(done.getValue());
    }

    /** A load or store; a fault is caught as the C interpreter's vectored handler catches it. */
    private String access(List<String> t, boolean read) {
        long a = arg(t, 1);
        int width = (int) arg(t, 2);
        long v = arg(t, 3);
        long[] got = new long[1];
        EXCEPTION_RECORD[] fault = new EXCEPTION_RECORD[1];
        process.seh().tryExcept(() -> got[0] = read ? load(a, width) : store(a, width, v), r -> {
            fault[0] = r;
            return WinNT.EXCEPTION_EXECUTE_HANDLER;
        }, r -> { });
        if (fault[0] != null) {
            EXCEPTION_RECORD r = fault[0];
            long info0 = r.NumberParameters > 0 ? r.ExceptionInformation[0] : 0;
            long info1 = r.NumberParameters > 1 ? r.ExceptionInformation[1] : 0;
            return "fault=" + Symbols.hex(Integer.toUnsignedLong(r.ExceptionCode)) + " access=" + info0 + " at="
                    + symbols.address(info1);
        }
        return read ? "ret=" + Symbols.hex(got[0]) : "ok";
    }

    private long load(long a, int width) {
        return switch (width) {
            case 1 -> mem.getByte(a) & 0xFFL;
            case 2 -> mem.getShort(a) & 0xFFFFL;
            case 4 -> mem.getInt(a) & 0xFFFFFFFFL;
            default -> mem.getLong(a);
        };
    }

    private long store(long a, int width, long v) {
        switch (width) {
            case 1 -> mem.setByte(a, (byte) v);
            case 2 -> mem.setShort(a, (short) v);
            case 4 -> mem.setInt(a, (int) v);
            default -> mem.setLong(a, v);
        }
        return 0;
    }
}
