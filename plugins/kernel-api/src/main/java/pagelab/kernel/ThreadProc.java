package pagelab.kernel;

/** A thread's start routine: {@code DWORD WINAPI ThreadProc(LPVOID lpParameter)}. */
@FunctionalInterface
public interface ThreadProc {
    int apply(long lpParameter);
}
