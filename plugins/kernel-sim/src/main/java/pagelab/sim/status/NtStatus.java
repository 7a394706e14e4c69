package pagelab.sim.status;

import pagelab.kernel.WinError;

/**
 * What a core kernel operation reports, as NTSTATUS does, and the one table that turns it into the Win32
 * last-error (Wine's {@code set_ntstatus} / {@code RtlNtStatusToDosError}). Core code returns these and never
 * throws for bad input.
 */
public enum NtStatus {
    SUCCESS(0x00000000, WinError.ERROR_SUCCESS),
    /** Returned with a valid handle by CreateFileMapping for an existing named object. */
    OBJECT_NAME_EXISTS(0x40000035, WinError.ERROR_ALREADY_EXISTS),
    INVALID_PARAMETER(0xC000000D, WinError.ERROR_INVALID_PARAMETER),
    CONFLICTING_ADDRESSES(0xC0000018, WinError.ERROR_INVALID_ADDRESS),
    MEMORY_NOT_ALLOCATED(0xC00000A0, WinError.ERROR_INVALID_ADDRESS),
    FREE_VM_NOT_AT_BASE(0xC000009F, WinError.ERROR_INVALID_ADDRESS),
    NOT_COMMITTED(0xC000002D, WinError.ERROR_INVALID_ADDRESS),
    UNABLE_TO_FREE_VM(0xC000001A, WinError.ERROR_INVALID_PARAMETER),
    INVALID_PAGE_PROTECTION(0xC0000045, WinError.ERROR_INVALID_PAGE_PROTECTION),
    SECTION_PROTECTION(0xC000004E, WinError.ERROR_INVALID_PAGE_PROTECTION),
    NO_MEMORY(0xC0000017, WinError.ERROR_NOT_ENOUGH_MEMORY),
    COMMITMENT_LIMIT(0xC000012D, WinError.ERROR_COMMITMENT_LIMIT),
    ACCESS_VIOLATION(0xC0000005, WinError.ERROR_NOACCESS),
    ACCESS_DENIED(0xC0000022, WinError.ERROR_ACCESS_DENIED),
    INVALID_HANDLE(0xC0000008, WinError.ERROR_INVALID_HANDLE),
    OBJECT_NAME_NOT_FOUND(0xC0000034, WinError.ERROR_FILE_NOT_FOUND),
    OBJECT_PATH_NOT_FOUND(0xC000003A, WinError.ERROR_PATH_NOT_FOUND),
    MAPPED_ALIGNMENT(0xC0000220, WinError.ERROR_MAPPED_ALIGNMENT),
    UNABLE_TO_DELETE_SECTION(0xC000001B, WinError.ERROR_INVALID_PARAMETER),
    NOT_MAPPED_VIEW(0xC0000019, WinError.ERROR_INVALID_ADDRESS),
    MAPPED_FILE_SIZE_ZERO(0xC000011E, WinError.ERROR_FILE_INVALID),
    SECTION_TOO_BIG(0xC0000040, WinError.ERROR_NOT_ENOUGH_MEMORY),
    USER_MAPPED_FILE(0xC0000243, WinError.ERROR_USER_MAPPED_FILE),
    DLL_NOT_FOUND(0xC0000135, WinError.ERROR_MOD_NOT_FOUND),
    INVALID_IMAGE_FORMAT(0xC000007B, WinError.ERROR_BAD_EXE_FORMAT),
    INVALID_FILE_FOR_SECTION(0xC0000020, WinError.ERROR_BAD_EXE_FORMAT),
    NOT_IMPLEMENTED(0xC0000002, WinError.ERROR_CALL_NOT_IMPLEMENTED),
    PRIVILEGE_NOT_HELD(0xC0000061, 1314),
    TIMEOUT(0x00000102, WinError.ERROR_TIMEOUT),
    /** HeapWalk past the last entry. */
    NO_MORE_ENTRIES(0x8000001A, WinError.ERROR_NO_MORE_ITEMS),
    UNSUCCESSFUL(0xC0000001, WinError.ERROR_GEN_FAILURE),
    INVALID_INFO_CLASS(0xC0000003, WinError.ERROR_INVALID_PARAMETER),
    BUFFER_TOO_SMALL(0xC0000023, WinError.ERROR_INSUFFICIENT_BUFFER),
    NOT_LOCKED(0xC000002A, WinError.ERROR_NOT_LOCKED),
    /**
     * The heap manager found a damaged block while HeapEnableTerminationOnCorruption is on: never a last-error,
     * the process ends with this code (SimHeaps).
     */
    HEAP_CORRUPTION(0xC0000374, WinError.ERROR_INVALID_PARAMETER);

    private final int code;
    private final int win32Error;

    NtStatus(int code, int win32Error) {
        this.code = code;
        this.win32Error = win32Error;
    }

    public int code() {
        return code;
    }

    public int win32Error() {
        return win32Error;
    }

    public boolean isSuccess() {
        return code >= 0;
    }
}
