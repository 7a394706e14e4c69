package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.UnhandledSehException;

/**
 * RaiseException through the SEH chain. Sources: MSDN RaiseException (code, flags, arguments; "This value must not
 * exceed EXCEPTION_MAXIMUM_PARAMETERS"; "Any attempt to continue execution after a noncontinuable exception causes the
 * EXCEPTION_NONCONTINUABLE_EXCEPTION exception"); Wine dlls/kernelbase/debug.c RaiseException (ExceptionFlags =
 * flags & EXCEPTION_NONCONTINUABLE, the argument count clamped to 15, NumberParameters 0 without arguments);
 * RtlDispatchException raising STATUS_NONCONTINUABLE_EXCEPTION (noncontinuable, with the original record chained)
 * when a filter continues a noncontinuable exception; MSDN try-except (EXCEPTION_CONTINUE_EXECUTION resumes after the
 * raise).
 */
class RaiseExceptionTest extends KernelTestSupport {

    private static final int APP_CODE = 0xE0000001;

    @Test
    void raiseExceptionPassesCodeFlagsAndArguments() {
        EXCEPTION_RECORD r = faultOf(() -> k.RaiseException(APP_CODE, 0, new long[] {1, 2, 0xFFFFFFFFL}));
        assertThat(hex(r.ExceptionCode)).isEqualTo(hex(APP_CODE));
        assertThat(r.ExceptionFlags).isZero();
        assertThat(r.NumberParameters).isEqualTo(3);
        assertThat(r.ExceptionInformation[0]).isEqualTo(1);
        assertThat(r.ExceptionInformation[1]).isEqualTo(2);
        assertThat(hex(r.ExceptionInformation[2])).isEqualTo(hex(0xFFFFFFFFL));
    }

    @Test
    void raiseExceptionWithoutArgumentsHasNoParameters() {
        // MSDN RaiseException: lpArguments may be NULL; Wine kernelbase: NumberParameters = 0
        assertThat(faultOf(() -> k.RaiseException(APP_CODE, 0, null)).NumberParameters).isZero();
        assertThat(faultOf(() -> k.RaiseException(APP_CODE, 0, new long[0])).NumberParameters).isZero();
    }

    @Test
    void raiseExceptionKeepsOnlyTheNoncontinuableFlag() {
        // Wine kernelbase RaiseException: ExceptionFlags = flags & EXCEPTION_NONCONTINUABLE
        assertThat(faultOf(() -> k.RaiseException(APP_CODE, EXCEPTION_NONCONTINUABLE, null)).ExceptionFlags)
                .isEqualTo(EXCEPTION_NONCONTINUABLE);
        assertThat(faultOf(() -> k.RaiseException(APP_CODE, 0x6, null)).ExceptionFlags).isZero();
    }

    @Test
    void raiseExceptionWithMoreThan15ArgumentsKeepsTheFirst15() {
        // MSDN RaiseException: nNumberOfArguments "must not exceed EXCEPTION_MAXIMUM_PARAMETERS"; Wine kernelbase
        // clamps the count to 15
        long[] args = new long[20];
        for (int i = 0; i < args.length; i++) {
            args[i] = 100 + i;
        }
        EXCEPTION_RECORD r = faultOf(() -> k.RaiseException(APP_CODE, 0, args));
        assertThat(r.NumberParameters).isEqualTo(EXCEPTION_MAXIMUM_PARAMETERS);
        for (int i = 0; i < EXCEPTION_MAXIMUM_PARAMETERS; i++) {
            assertThat(r.ExceptionInformation[i]).as("ExceptionInformation[%d]", i).isEqualTo(100 + i);
        }
    }

    @Test
    void continuableRaisedExceptionContinuesAfterTheRaise() {
        // MSDN try-except: EXCEPTION_CONTINUE_EXECUTION continues at the point where the exception occurred
        AtomicBoolean after = new AtomicBoolean();
        seh.tryExcept(() -> {
            k.RaiseException(APP_CODE, 0, null);
            after.set(true);
        }, r -> EXCEPTION_CONTINUE_EXECUTION, r -> { });
        assertThat(after).isTrue();
    }

    @Test
    void continuingANoncontinuableExceptionRaisesNoncontinuableException() {
        // MSDN RaiseException: continuing a noncontinuable exception causes EXCEPTION_NONCONTINUABLE_EXCEPTION;
        // RtlDispatchException raises it noncontinuable, chaining the original record
        List<EXCEPTION_RECORD> outer = new ArrayList<>();
        AtomicBoolean after = new AtomicBoolean();
        seh.tryExcept(() -> seh.tryExcept(() -> {
            k.RaiseException(APP_CODE, EXCEPTION_NONCONTINUABLE, null);
            after.set(true);
        }, r -> r.ExceptionCode == APP_CODE ? EXCEPTION_CONTINUE_EXECUTION : EXCEPTION_CONTINUE_SEARCH, r -> { }),
                r -> {
                    outer.add(r.copy());
                    return EXCEPTION_EXECUTE_HANDLER;
                }, r -> { });
        assertThat(after).as("execution never continues after a noncontinuable exception").isFalse();
        assertThat(outer).hasSize(1);
        EXCEPTION_RECORD r = outer.get(0);
        assertThat(hex(r.ExceptionCode)).isEqualTo(hex(EXCEPTION_NONCONTINUABLE_EXCEPTION));
        assertThat(r.ExceptionFlags & EXCEPTION_NONCONTINUABLE).isEqualTo(EXCEPTION_NONCONTINUABLE);
        assertThat(r.ExceptionRecord).as("chained original record").isNotNull();
        assertThat(hex(r.ExceptionRecord.ExceptionCode)).isEqualTo(hex(APP_CODE));
    }

    @Test
    void unhandledNoncontinuableExceptionEndsTheProcessWithItsCode() {
        // the filter continues only the original exception; nothing handles EXCEPTION_NONCONTINUABLE_EXCEPTION
        assertThatThrownBy(() -> seh.tryExcept(() -> k.RaiseException(APP_CODE, EXCEPTION_NONCONTINUABLE, null),
                r -> r.ExceptionCode == APP_CODE ? EXCEPTION_CONTINUE_EXECUTION : EXCEPTION_CONTINUE_SEARCH, r -> { }))
                .isInstanceOf(UnhandledSehException.class);
        assertThat(hex(process.exitCode())).isEqualTo(hex(EXCEPTION_NONCONTINUABLE_EXCEPTION));
    }
}
