public class Solution implements example.tiny.TinySolution {
    static final int ANSWER = compute();

    private static int compute() {
        throw new IllegalStateException("boom in the static initialiser");
    }

    public int answer() {
        return ANSWER;
    }
}
