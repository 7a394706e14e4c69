package pagelab.kernel;

/** Security attributes of a new kernel object. Only handle inheritance is simulated. */
public final class SECURITY_ATTRIBUTES {
    public int nLength = 12;
    public long lpSecurityDescriptor;
    public boolean bInheritHandle;
}
