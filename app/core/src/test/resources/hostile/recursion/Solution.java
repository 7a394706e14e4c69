public class Solution implements example.tiny.TinySolution {
    public int answer() {
        return depth(0);
    }

    private int depth(int n) {
        return depth(n + 1) + 1;
    }
}
