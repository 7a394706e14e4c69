package pagelab.exercises.copyviewsflush;

import pagelab.exercise.Exercise;
import pagelab.testkit.ExerciseVerification;

/** The reference scores 100%, the starter less, and each known-wrong solution fails exactly its checks. */
class CopyViewsFlushVerificationTest extends ExerciseVerification {
    @Override
    protected Exercise exercise() {
        return new CopyViewsFlush();
    }
}
