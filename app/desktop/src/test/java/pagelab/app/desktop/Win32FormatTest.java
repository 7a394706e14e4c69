package pagelab.app.desktop;

import org.junit.jupiter.api.Test;
import pagelab.kernel.WinNT;

import static org.assertj.core.api.Assertions.assertThat;

class Win32FormatTest {
    @Test
    void namesFollowTheWindowsSdk() {
        assertThat(Win32Format.address(0x400000, false)).isEqualTo("0x00400000");
        assertThat(Win32Format.address(0x400000, true)).isEqualTo("0x0000000000400000");
        assertThat(Win32Format.protection(WinNT.PAGE_READWRITE | WinNT.PAGE_GUARD))
                .isEqualTo("PAGE_READWRITE|PAGE_GUARD");
        assertThat(Win32Format.protection(0)).isEmpty();
        assertThat(Win32Format.error(487)).isEqualTo("ERROR_INVALID_ADDRESS (487)");
        assertThat(Win32Format.exceptionCode(WinNT.STATUS_GUARD_PAGE_VIOLATION))
                .isEqualTo("EXCEPTION_GUARD_PAGE (0x80000001)");
        assertThat(Win32Format.exceptionCode(WinNT.EXCEPTION_STACK_OVERFLOW)).startsWith("EXCEPTION_STACK_OVERFLOW");
    }

    @Test
    void sizesReadAsVmmapShowsThem() {
        assertThat(Win32Format.size(4096)).isEqualTo("4 K");
        assertThat(Win32Format.size(1L << 20)).isEqualTo("1,024 K");
        assertThat(Win32Format.size(128L << 40)).isEqualTo("128 T");
        assertThat(Win32Format.size(100)).isEqualTo("100");
    }
}
