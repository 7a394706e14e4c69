public class Solution implements example.tiny.TinySolution {
    public int answer() {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    // a stubborn thread ignores interrupts
                }
            }
        }, "never-ends");
        t.start();
        return 42;
    }
}
