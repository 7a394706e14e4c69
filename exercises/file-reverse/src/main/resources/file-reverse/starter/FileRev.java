import static pagelab.kernel.WinNT.*;

import pagelab.exercises.filereverse.FileReverser;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Memory;

/**
 * The book's FileRev: reverse a text file in place through a memory-mapped view.
 * Read the instructions first; each TODO says which Win32 call does the work.
 */
public class FileRev implements FileReverser {
    @Override
    public boolean reverse(Kernel32 kernel, Memory memory, String path) {
        // TODO: open the file for reading and writing: CreateFile(path, GENERIC_READ | GENERIC_WRITE, 0, null,
        //       OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, 0). INVALID_HANDLE_VALUE means it failed: return false.
        // TODO: get its size with GetFileSizeEx.
        // TODO: create a mapping ONE BYTE LARGER than the file (room for the terminating zero) and map a view.
        // TODO: store 0 after the last byte, then reverse the string in place (as _strrev does).
        // TODO: unmap the view and close the mapping; only then cut the file back to its size with
        //       SetFilePointerEx(hFile, size, null, FILE_BEGIN) and SetEndOfFile(hFile); close the file.
        return false;
    }
}
