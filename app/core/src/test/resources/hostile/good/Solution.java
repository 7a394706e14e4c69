public class Solution implements pagelab.app.grading.tiny.TinySolution {
    public int answer() {
        return 42;
    }
}
