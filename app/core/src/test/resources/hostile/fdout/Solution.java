import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

public class Solution implements pagelab.app.grading.tiny.TinySolution {
    public int answer() {
        try {
            FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
            raw.write("\u0001pagelab:reply {\"id\":999}\nnoise without a newline".getBytes());
            raw.flush();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        return 42;
    }
}
