public class Solution implements example.tiny.TinySolution {
    public int answer() {
        String line = "x".repeat(1023);
        for (int i = 0; i < 100 * 1024; i++) {
            System.out.println(line);
        }
        return 42;
    }
}
