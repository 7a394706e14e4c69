package pagelab.exercises.copyonwrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Machine;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinProcess;
import pagelab.kernel.host.ImageBuilder;
import pagelab.kernel.host.ImageFile;
import pagelab.kernel.inspect.PageInfo;

/**
 * The checker's laboratory: the image every instance runs, the processes started from it, the accesses performed
 * on their globals, and the ground truth of which pages each process copied (from the inspection API). One per
 * check run.
 */
final class Lab {
    static final String EXE = "C:\\PageLab\\CowLab.exe";
    static final long PAGE = 4096;
    /** The globals that may be written: everything outside .rdata. */
    static final List<String> WRITABLE = List.of("g_a", "g_b", "g_c", "g_d", "g_shared", "g_total");

    /** The image: code, read-only data, three pages of .data and a shared section, with globals spread over them. */
    static final ImageFile IMAGE = ImageBuilder.exe("CowLab.exe")
            .code(0x2000)
            .readOnlyData(".rdata", 0x1000).global("g_szTitle", ".rdata", 0)
            .data(".data", 0x3000).global("g_a", ".data", 0, 1).global("g_b", ".data", 0x10, 2)
            .global("g_c", ".data", 0x1000, 3).global("g_d", ".data", 0x2008, 4)
            .sharedData("Shared", 0x1000).global("g_shared", "Shared", 0, 0).global("g_total", "Shared", 4, 0)
            .build();

    private final List<WinProcess> processes = new ArrayList<>();

    Lab(Machine machine, int instances) {
        machine.files().write(EXE, IMAGE.toBytes());
        for (int i = 0; i < instances; i++) {
            processes.add(machine.createProcess(EXE));
        }
    }

    WinProcess process(int instance) {
        return processes.get(instance);
    }

    /** Performs the accesses, in order, each in its instance's process. */
    void perform(List<Access> accesses) {
        for (Access a : accesses) {
            WinProcess p = processes.get(a.instance());
            long address = p.kernel32().GetModuleHandle(null) + IMAGE.symbolRva(a.global());
            if (a.write()) {
                p.memory().setInt(address, p.memory().getInt(address) + 100);
            } else {
                p.memory().getInt(address);
            }
        }
    }

    /** The RVAs of the pages {@code instance} holds a private copy of: copy-on-write pages that lost that state. */
    Set<Long> truth(int instance) {
        WinProcess p = processes.get(instance);
        long base = p.kernel32().GetModuleHandle(null);
        Set<Long> out = new TreeSet<>();
        List<Long> rvas = IMAGE.sectionRvas();
        for (int i = 0; i < rvas.size(); i++) {
            ImageFile.Section s = IMAGE.sections().get(i);
            if (!s.is(ImageFile.WRITE) || s.is(ImageFile.SHARED)) {
                continue;
            }
            for (long rva = rvas.get(i); rva < rvas.get(i) + s.pages() * PAGE; rva += PAGE) {
                PageInfo info = p.inspector().page(base + rva);
                if (!info.copyOnWrite()) {
                    out.add(rva);
                }
            }
        }
        return out;
    }

    /** A seeded mix of reads and writes by {@code instances} processes. */
    static List<Access> random(long seed, int instances, int count) {
        Random r = new Random(seed);
        List<Access> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Access(r.nextInt(instances), WRITABLE.get(r.nextInt(WRITABLE.size())), r.nextInt(3) > 0));
        }
        return out;
    }

    /** {@code 0x4000 (.data), 0x6000 (.data)}: RVAs in hex, with the section each lies in; translatable. */
    static Msg pages(Set<Long> rvas) {
        if (rvas == null) {
            return Msg.text("null");
        }
        Msg out = null;
        for (long rva : rvas) {
            String section = sectionAt(rva);
            Msg page = Msg.of("page-in", "{0} ({1})", String.format("0x%04X", rva), section.equals(OUTSIDE)
                    ? Msg.of("outside-image", OUTSIDE) : Msg.text(section));
            out = out == null ? page : Msg.of("list", "{0}, {1}", out, page);
        }
        return out == null ? Msg.of("pages.none", "no pages") : out;
    }

    private static final String OUTSIDE = "outside the image";

    static String sectionAt(long rva) {
        List<Long> rvas = IMAGE.sectionRvas();
        for (int i = 0; i < rvas.size(); i++) {
            if (rva >= rvas.get(i) && rva < rvas.get(i) + IMAGE.sections().get(i).pages() * PAGE) {
                return IMAGE.sections().get(i).name();
            }
        }
        return OUTSIDE;
    }

    /** {@code #0 writes g_a, #1 reads g_c}, as the evidence shows it, translatable. */
    static Msg describeMsg(List<Access> accesses) {
        Msg out = null;
        for (Access a : accesses) {
            Msg access = a.write() ? Msg.of("access.write", "#{0} writes {1}", a.instance(), a.global())
                    : Msg.of("access.read", "#{0} reads {1}", a.instance(), a.global());
            out = out == null ? access : Msg.of("list", "{0}, {1}", out, access);
        }
        return out == null ? Msg.text("") : out;
    }

    static <T> T call(Msg what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "{0} crashed the process: {1}.", what,
                    Win32Names.exception(e.record()))));
        }
    }
}
