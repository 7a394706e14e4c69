public class Solution implements example.tiny.TinySolution {
    public int answer() {
        long n = 0;
        while (n >= 0) {
            n = (n + 1) % 1000;
        }
        return 42;
    }
}
