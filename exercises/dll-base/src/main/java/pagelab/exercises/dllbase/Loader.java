package pagelab.exercises.dllbase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;
import pagelab.kernel.host.ImageBuilder;
import pagelab.kernel.host.ImageFile;

/**
 * The checker's side of the loader: builds DLLs, installs them, loads them into a process in order and reports what
 * really happened (the ground truth a prediction is compared with), including each relocated DLL's cost in pages
 * that could no longer be shared.
 */
final class Loader {
    static final String DIR = "C:\\PageLab\\";

    private Loader() {
    }

    /** A DLL of {@code codePages} pages of code and one of data, preferring {@code base}. */
    static ImageFile dll(String name, long base, int codePages, boolean fixed) {
        return ImageBuilder.dll(name).preferredBase(base).fixed(fixed).code(codePages * 0x1000L)
                .data(".data", 0x1000).build();
    }

    /** The same DLL with another preferred base (a rebuilt, rebased copy). */
    static ImageFile rebased(ImageFile dll, long base) {
        return new ImageFile(dll.name(), true, base, dll.fixed(), dll.stackReserve(), dll.sections(), dll.symbols(),
                dll.imports());
    }

    /** What loading happened to be, per DLL, with where it went. */
    record Loaded(LoadOutcome outcome, long address, long privatePages) {
        Msg describe(ImageFile dll) {
            return switch (outcome) {
                case AT_PREFERRED_BASE -> Msg.of("loaded.at-base", "loaded at its preferred base {0}",
                        Win32Names.hex(address));
                case RELOCATED -> Msg.of("loaded.relocated", "relocated from {0} to {1} ({2} no longer shareable)",
                        Win32Names.hex(dll.preferredBase()), Win32Names.hex(address),
                        DllBaseChecks.pages(privatePages));
                case FAILS -> Msg.of("loaded.fails", "failed to load: its range is taken and /FIXED images cannot "
                        + "move");
            };
        }
    }

    /** Installs and loads {@code dlls} into {@code p} in order. */
    static Map<String, Loaded> load(WinProcess p, List<ImageFile> dlls) {
        Map<String, Loaded> out = new LinkedHashMap<>();
        for (ImageFile dll : dlls) {
            p.machine().files().write(DIR + dll.name(), dll.toBytes());
            long h = p.kernel32().LoadLibrary(DIR + dll.name());
            LoadOutcome o = h == 0 ? LoadOutcome.FAILS : h == dll.preferredBase() ? LoadOutcome.AT_PREFERRED_BASE
                    : LoadOutcome.RELOCATED;
            out.put(dll.name(), new Loaded(o, h, h == 0 ? 0 : privatePages(p, h, dll.sizeOfImage())));
        }
        return out;
    }

    private static long privatePages(WinProcess p, long base, long size) {
        long n = 0;
        for (long a = base; a < base + size; a += 0x1000) {
            var info = p.inspector().page(a);
            n += info.type() == WinNT.MEM_IMAGE && !info.shared() && !info.copyOnWrite() ? 1 : 0;
        }
        return n;
    }

    static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "{0} crashed the process: {1}.", what,
                    Win32Names.exception(e.record()))));
        }
    }
}
