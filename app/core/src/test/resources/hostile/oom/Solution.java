import java.util.ArrayList;
import java.util.List;

public class Solution implements example.tiny.TinySolution {
    public int answer() {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 20]);
        }
    }
}
