package pagelab.exercises.systeminfo;

import static pagelab.exercises.systeminfo.Scenario.PAGE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import pagelab.exercise.CheckContext;
import pagelab.kernel.WinNT;

/**
 * A seeded sequence of valid steps: touches only land on committed pages (asked of the inspector, so the checker
 * needs no model of its own), and released regions are not used again.
 */
final class RandomSteps {
    private final CheckContext ctx;
    private final Scenario scenario;
    private final Random random;
    private final List<Long> sizes = new ArrayList<>();
    private final List<Boolean> alive = new ArrayList<>();

    RandomSteps(CheckContext ctx, Scenario scenario) {
        this.ctx = ctx;
        this.scenario = scenario;
        this.random = new Random(ctx.seed() * 31 + 7);
    }

    void play(int steps) {
        for (int i = 0; i < steps; i++) {
            scenario.play(next());
        }
    }

    private Step next() {
        int live = pickLive();
        int dice = random.nextInt(10);
        if (live < 0 || dice == 0) {
            return create(random.nextBoolean() ? Step.Kind.RESERVE : Step.Kind.ALLOCATE);
        }
        long pages = (sizes.get(live) + PAGE - 1) / PAGE;
        long first = random.nextInt((int) pages);
        long count = 1 + random.nextInt((int) Math.min(4, pages - first));
        long offset = first * PAGE + (random.nextBoolean() ? random.nextInt(100) : 0);
        long size = count * PAGE - (offset - first * PAGE);
        if (dice <= 3) {
            return new Step(Step.Kind.COMMIT, live, offset, size);
        } else if (dice <= 6) {
            return touchable(live, pages);
        } else if (dice <= 8) {
            return new Step(Step.Kind.DECOMMIT, live, first * PAGE, count * PAGE);
        }
        alive.set(live, false);
        return new Step(Step.Kind.RELEASE, live, 0, 0);
    }

    private Step create(Step.Kind kind) {
        long size = (1 + random.nextInt(24)) * PAGE - (random.nextBoolean() ? random.nextInt(PAGE_SLACK) : 0);
        sizes.add(size);
        alive.add(true);
        return new Step(kind, sizes.size() - 1, 0, size);
    }

    private static final int PAGE_SLACK = 3000;

    // The first run of committed pages of the region, at most three long; a commit if none is committed.
    private Step touchable(int region, long pages) {
        long base = scenario.base(region);
        for (long p = random.nextInt((int) pages), n = 0; n < pages; p = (p + 1) % pages, n++) {
            if (ctx.page(base + p * PAGE).state() == WinNT.MEM_COMMIT) {
                long run = 1;
                while (run < 3 && p + run < pages && ctx.page(base + (p + run) * PAGE).state() == WinNT.MEM_COMMIT) {
                    run++;
                }
                return new Step(Step.Kind.TOUCH, region, p * PAGE + 8, run * PAGE - 8);
            }
        }
        return new Step(Step.Kind.COMMIT, region, 0, PAGE);
    }

    private int pickLive() {
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < alive.size(); i++) {
            if (alive.get(i)) {
                live.add(i);
            }
        }
        return live.isEmpty() ? -1 : live.get(random.nextInt(live.size()));
    }
}
