package pagelab.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The trace prints addresses as C's {@code %08X} does, without a Formatter per call. */
class Win32FormatTest {
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 0x1234, 0xFFFF_FFFFL, 0x7FFE_0000L, 0x1_0000_0000L, 0x7FFF_FFFE_FFFFL, -1, Long.MIN_VALUE})
    void hexIsPercent08X(long v) {
        assertThat(Win32Format.hex(v)).isEqualTo("0x" + String.format("%08X", v));
    }
}
