package pagelab.kernel.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.WinNT;

class Win32FormatTest {
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 0x1234, 0xFFFF_FFFFL, 0x7FFE_0000L, 0x1_0000_0000L, 0x7FFF_FFFE_FFFFL, -1, Long.MIN_VALUE})
    void hexIsPercent08X(long v) {
        assertThat(Win32Format.hex(v)).isEqualTo("0x" + String.format("%08X", v));
    }

    @Test
    void addressesUseEightDigitsUnlessTheyNeedSixteenOrThePointerSizeSaysSo() {
        assertThat(Win32Format.address(0x10000)).isEqualTo("0x00010000");
        assertThat(Win32Format.address(0x7FF612340000L)).isEqualTo("0x00007FF612340000");
        assertThat(Win32Format.address(0x400000, false)).isEqualTo("0x00400000");
        assertThat(Win32Format.address(0x400000, true)).isEqualTo("0x0000000000400000");
    }

    @Test
    void sizesReadAsTheTraceAndVmmapShowThem() {
        assertThat(Win32Format.hexSize(0x10000)).isEqualTo("0x10000");
        assertThat(Win32Format.hexSize(-1)).isEqualTo("0xFFFFFFFFFFFFFFFF");
        assertThat(Win32Format.size(4096)).isEqualTo("4 K");
        assertThat(Win32Format.size(1L << 20)).isEqualTo("1,024 K");
        assertThat(Win32Format.size(128L << 40)).isEqualTo("128 T");
        assertThat(Win32Format.size(100)).isEqualTo("100");
        assertThat(Win32Format.pages(1600)).isEqualTo("1,600 pages");
        assertThat(Win32Format.bytes(1)).isEqualTo("1 byte");
    }

    @Test
    void flagsAreNamedAsTheSdkNamesThem() {
        assertThat(Win32Format.protection(WinNT.PAGE_READWRITE | WinNT.PAGE_GUARD)).isEqualTo("PAGE_READWRITE|PAGE_GUARD");
        assertThat(Win32Format.protection(0)).isEqualTo("0");
        assertThat(Win32Format.protection(0x1002)).isEqualTo("PAGE_READONLY|0x1000");
        assertThat(Win32Format.allocationType(WinNT.MEM_RESERVE | WinNT.MEM_COMMIT)).isEqualTo("MEM_COMMIT|MEM_RESERVE");
        assertThat(Win32Format.allocationType(WinNT.MEM_RESET_UNDO)).isEqualTo("MEM_RESET_UNDO");
        assertThat(Win32Format.mem(WinNT.MEM_IMAGE)).isEqualTo("MEM_IMAGE");
        assertThat(Win32Format.mem(WinNT.MEM_DECOMMIT)).isEqualTo("MEM_DECOMMIT");
        assertThat(Win32Format.freeType(WinNT.MEM_RELEASE)).isEqualTo("MEM_RELEASE");
        assertThat(Win32Format.freeType(WinNT.MEM_RELEASE | WinNT.MEM_DECOMMIT)).isEqualTo("0x0000C000");
        assertThat(Win32Format.state(WinNT.MEM_FREE)).isEqualTo("MEM_FREE");
        assertThat(Win32Format.type(0)).isEmpty();
        assertThat(Win32Format.type(WinNT.MEM_MAPPED)).isEqualTo("MEM_MAPPED");
    }

    @Test
    void errorsAndExceptionsAreNamedWithTheirNumbers() {
        assertThat(Win32Format.error(487)).isEqualTo("ERROR_INVALID_ADDRESS (487)");
        assertThat(Win32Format.error(0)).isEqualTo("ERROR_SUCCESS (0)");
        assertThat(Win32Format.error(99999)).isEqualTo("error 99999");
        assertThat(Win32Format.exceptionCode(WinNT.STATUS_GUARD_PAGE_VIOLATION))
                .isEqualTo("EXCEPTION_GUARD_PAGE (0x80000001)");
        assertThat(Win32Format.exceptionCode(WinNT.STATUS_HEAP_CORRUPTION)).isEqualTo("STATUS_HEAP_CORRUPTION (0xC0000374)");
        assertThat(Win32Format.exceptionCode(0xE0000001)).isEqualTo("exception 0xE0000001");
        assertThat(Win32Format.filterResult(WinNT.EXCEPTION_CONTINUE_SEARCH)).isEqualTo("EXCEPTION_CONTINUE_SEARCH (0)");
    }

    /** Aliases share a value; the shortest name wins whatever order reflection lists the fields in. */
    @Test
    void anAliasedCodeAlwaysGetsTheSameName() {
        assertThat(Win32Format.exceptionCode(WinNT.STATUS_ACCESS_VIOLATION))
                .isEqualTo("EXCEPTION_ACCESS_VIOLATION (0xC0000005)");
        assertThat(Win32Format.exceptionCode(WinNT.EXCEPTION_INT_DIVIDE_BY_ZERO))
                .isEqualTo("EXCEPTION_INT_DIVIDE_BY_ZERO (0xC0000094)");
    }

    @Test
    void anAccessViolationNamesTheAccessAndTheAddress() {
        EXCEPTION_RECORD r = new EXCEPTION_RECORD();
        r.ExceptionCode = WinNT.EXCEPTION_ACCESS_VIOLATION;
        r.NumberParameters = 2;
        r.ExceptionInformation[0] = 1;
        r.ExceptionInformation[1] = 0x00B40010L;
        assertThat(Win32Format.exception(r)).isEqualTo("EXCEPTION_ACCESS_VIOLATION (0xC0000005) writing 0x00B40010");
    }

    @Test
    void hexNumbersReadBackWhateverTheirPadding() {
        assertThat(Win32Format.parseHex("0x123450000")).isEqualTo(0x123450000L);
        assertThat(Win32Format.parseHex(Win32Format.address(0x123450000L))).isEqualTo(0x123450000L);
        assertThat(Win32Format.parseHex("FFFFFFFF")).isEqualTo(0xFFFFFFFFL);
        assertThat(Win32Format.parseHex("NULL")).isEqualTo(-1);
        assertThat(Win32Format.parseHex(null)).isEqualTo(-1);
    }
}
