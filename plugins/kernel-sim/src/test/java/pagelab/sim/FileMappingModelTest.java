package pagelab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;

/**
 * Model-based test of chapter 17's coherence rules: random writes through shared views in two processes, through
 * copy-on-write views, and through WriteFile, checked after every step against a plain byte array (the file) and
 * one private array per copy-on-write view. Shared views must always equal the file; a copy view equals the file
 * except on pages it has written itself.
 */
class FileMappingModelTest {
    private static final int SIZE = 0x30000;
    private static final int PAGE = 4096;
    private static final String FILE = "C:\\data\\model.bin";

    /** A view under test and what it should show. */
    private static final class ViewModel {
        final WinProcess process;
        final long base;
        final boolean copy;
        final byte[] privateBytes = new byte[SIZE];
        final boolean[] copied = new boolean[SIZE / PAGE];

        ViewModel(WinProcess process, long base, boolean copy) {
            this.process = process;
            this.base = base;
            this.copy = copy;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void viewsStayCoherentWithTheFile(long seed) {
        Random rnd = new Random(seed);
        try (Machine m = Machine.create(MachineConfig.x86().seed(seed))) {
            byte[] file = new byte[SIZE];
            rnd.nextBytes(file);
            m.files().write(FILE, file);
            WinProcess a = m.createProcess();
            WinProcess b = m.createProcess();
            List<ViewModel> views = new ArrayList<>();
            long handleA = open(a);
            long handleB = open(b);
            views.add(map(a, handleA, FILE_MAP_WRITE, false));
            views.add(map(b, handleB, FILE_MAP_WRITE, false));
            views.add(map(a, handleA, FILE_MAP_COPY, true));
            views.add(map(b, handleB, FILE_MAP_READ, false));
            for (int step = 0; step < 300; step++) {
                String what = step(rnd, a, handleA, views, file);
                check(views, file, "seed=" + seed + " step=" + step + " after " + what);
            }
            assertThat(m.files().read(FILE)).as("the file holds every shared write (seed=%d)", seed).isEqualTo(file);
        }
    }

    private static long open(WinProcess p) {
        Kernel32 k = p.kernel32();
        long f = k.CreateFile(FILE, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, null,
                OPEN_EXISTING, 0, 0);
        assertThat(f).isNotEqualTo(INVALID_HANDLE_VALUE);
        long map = k.CreateFileMapping(f, null, PAGE_READWRITE, 0, 0, null);
        assertThat(map).isNotZero();
        return f << 32 | map;
    }

    private static ViewModel map(WinProcess p, long handles, int access, boolean copy) {
        long base = p.kernel32().MapViewOfFile(handles & 0xFFFFFFFFL, access, 0, 0, 0);
        assertThat(base).isNotZero();
        return new ViewModel(p, base, copy);
    }

    private static String step(Random rnd, WinProcess a, long handlesA, List<ViewModel> views, byte[] file) {
        int offset = rnd.nextInt(SIZE - 16);
        byte[] data = new byte[1 + rnd.nextInt(16)];
        rnd.nextBytes(data);
        int which = rnd.nextInt(4);
        if (which == 3) {
            Kernel32 k = a.kernel32();
            long buf = k.VirtualAlloc(0, PAGE, MEM_COMMIT, PAGE_READWRITE);
            a.memory().write(buf, data, 0, data.length);
            k.SetFilePointerEx(handlesA >>> 32, offset, null, FILE_BEGIN);
            IntByReference n = new IntByReference();
            assertThat(k.WriteFile(handlesA >>> 32, buf, data.length, n, 0)).isTrue();
            k.VirtualFree(buf, 0, MEM_RELEASE);
            System.arraycopy(data, 0, file, offset, data.length);
            return "WriteFile(" + data.length + " bytes at " + offset + ")";
        }
        ViewModel v = views.get(which == 2 ? 2 : which);
        v.process.memory().write(v.base + offset, data, 0, data.length);
        if (v.copy) {
            for (int i = offset / PAGE; i <= (offset + data.length - 1) / PAGE; i++) {
                if (!v.copied[i]) {
                    v.copied[i] = true;
                    System.arraycopy(file, i * PAGE, v.privateBytes, i * PAGE, PAGE);
                }
            }
            System.arraycopy(data, 0, v.privateBytes, offset, data.length);
        } else {
            System.arraycopy(data, 0, file, offset, data.length);
        }
        return (v.copy ? "copy-view" : "view " + which) + " write at " + offset;
    }

    private static void check(List<ViewModel> views, byte[] file, String when) {
        byte[] seen = new byte[SIZE];
        for (ViewModel v : views) {
            v.process.memory().read(v.base, seen, 0, SIZE);
            for (int page = 0; page < SIZE / PAGE; page++) {
                byte[] expected = v.copy && v.copied[page] ? v.privateBytes : file;
                int from = page * PAGE;
                if (!Arrays.equals(seen, from, from + PAGE, expected, from, from + PAGE)) {
                    throw new AssertionError(when + ": view at " + Long.toHexString(v.base) + " page " + page
                            + (v.copy ? " (copy view)" : "") + " differs from the model");
                }
            }
        }
    }
}
