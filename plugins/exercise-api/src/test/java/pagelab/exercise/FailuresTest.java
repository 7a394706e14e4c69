package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;

class FailuresTest {
    @Test
    void anUnhandledAccessViolationIsTheStudentsFailureNamingAccessAndAddress() {
        EXCEPTION_RECORD r = new EXCEPTION_RECORD();
        r.ExceptionCode = WinNT.EXCEPTION_ACCESS_VIOLATION;
        r.NumberParameters = 2;
        r.ExceptionInformation[0] = 0;
        r.ExceptionInformation[1] = 0x00411000L;

        CheckResult c = Failures.describe(new UnhandledSehException(r, "unhandled"), name -> false);

        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.message()).contains("EXCEPTION_ACCESS_VIOLATION (0xC0000005) reading 0x00411000");
        assertThat(c.hint()).isNotBlank();
    }

    @Test
    void aTerminatedProcessIsTheStudentsFailure() {
        CheckResult c = Failures.describe(new ProcessTerminatedException(3, "ended"), name -> false);

        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.message()).contains("exit code 0x00000003");
    }

    @Test
    void aStackOverflowIsTheStudentsFailure() {
        assertThat(Failures.describe(new StackOverflowError(), name -> false).message())
                .contains("recursed without end");
    }

    @Test
    void anExceptionOutsideStudentAndCheckerCodeBlamesTheKernelNotTheAuthor() {
        CheckResult c = Failures.describe(new NoClassDefFoundError("pagelab/sim/Foo"), name -> false, name -> false);

        assertThat(c.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(c.message()).startsWith("The simulated kernel or the runner failed");
    }

    /** A solution's own exception class, which fakes a stack trace of checker frames. */
    static final class Disguised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public StackTraceElement[] getStackTrace() {
            return new StackTraceElement[] {new StackTraceElement("pagelab.exercises.x.XChecks", "check", null, 1)};
        }
    }

    @Test
    void aSolutionsOwnExceptionIsTheStudentsWhateverStackTraceItClaims() {
        String disguised = Disguised.class.getName();
        CheckResult c = Failures.describe(new Disguised(), disguised::equals, name -> name.startsWith("pagelab.exercises"));

        assertThat(c.status()).as("not a checker error a student could provoke at will").isEqualTo(CheckStatus.FAIL);
    }
}
