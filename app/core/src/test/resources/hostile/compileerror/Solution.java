public class Solution implements example.tiny.TinySolution {
    public int answer() {
        return 42
    }
}
