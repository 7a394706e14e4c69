package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.WinNT;

class Win32NamesTest {
    @Test
    void errorsAreNamedWithTheirNumber() {
        assertThat(Win32Names.error(487)).isEqualTo("ERROR_INVALID_ADDRESS (487)");
        assertThat(Win32Names.error(0)).isEqualTo("ERROR_SUCCESS (0)");
        assertThat(Win32Names.error(99999)).isEqualTo("error 99999");
    }

    @Test
    void protectionsShowTheirModifiers() {
        assertThat(Win32Names.protection(WinNT.PAGE_READWRITE | WinNT.PAGE_GUARD)).isEqualTo("PAGE_READWRITE|PAGE_GUARD");
        assertThat(Win32Names.protection(0)).isEqualTo("0");
    }

    @Test
    void memFlagsAreJoined() {
        assertThat(Win32Names.mem(WinNT.MEM_RESERVE | WinNT.MEM_COMMIT)).isEqualTo("MEM_COMMIT|MEM_RESERVE");
        assertThat(Win32Names.mem(WinNT.MEM_DECOMMIT)).isEqualTo("MEM_DECOMMIT");
    }

    @Test
    void anAccessViolationNamesTheAccessAndTheAddress() {
        EXCEPTION_RECORD r = new EXCEPTION_RECORD();
        r.ExceptionCode = WinNT.EXCEPTION_ACCESS_VIOLATION;
        r.NumberParameters = 2;
        r.ExceptionInformation[0] = 1;
        r.ExceptionInformation[1] = 0x00B40010L;

        assertThat(Win32Names.exception(r))
                .isEqualTo("EXCEPTION_ACCESS_VIOLATION (0xC0000005) writing 0x00B40010");
    }

    @Test
    void addressesUseEightDigitsUnlessTheyNeedSixteen() {
        assertThat(Win32Names.hex(0x10000)).isEqualTo("0x00010000");
        assertThat(Win32Names.hex(0x7FF612340000L)).isEqualTo("0x00007FF612340000");
        assertThat(Win32Names.pages(1600)).isEqualTo("1,600 pages");
    }

    @Test
    void tracedNumbersReadBackWhateverTheirPadding() {
        assertThat(Win32Names.parseHex("0x123450000")).isEqualTo(0x123450000L); // the trace's at-least-8 digits
        assertThat(Win32Names.parseHex(Win32Names.hex(0x123450000L))).isEqualTo(0x123450000L); // 16 digits
        assertThat(Win32Names.parseHex("0x0001F000")).isEqualTo(0x1F000L);
        assertThat(Win32Names.parseHex("FFFFFFFF")).isEqualTo(0xFFFFFFFFL);
        assertThat(Win32Names.parseHex("NULL")).isEqualTo(-1);
        assertThat(Win32Names.parseHex(null)).isEqualTo(-1);
    }

    @Test
    void aFrameOfAStudentClassIsNamedWithoutItsClassLoader() {
        StackTraceElement e = new StackTraceElement("student", null, null, "SparseSpreadsheet", "setCell",
                "SparseSpreadsheet.java", 42);

        assertThat(e.toString()).startsWith("student//");
        assertThat(Win32Names.frame(e)).isEqualTo("SparseSpreadsheet.setCell(SparseSpreadsheet.java:42)");
    }

    @Test
    void aCountAgreesWithItsNoun() {
        assertThat(Win32Names.count(1, "block")).isEqualTo("1 block");
        assertThat(Win32Names.count(0, "block")).isEqualTo("0 blocks");
        assertThat(Win32Names.count(1024, "HeapCreate call")).isEqualTo("1,024 HeapCreate calls");
    }
}
