public class Solution implements pagelab.app.grading.tiny.TinySolution {
    public int answer() {
        System.exit(3);
        return 42;
    }
}
