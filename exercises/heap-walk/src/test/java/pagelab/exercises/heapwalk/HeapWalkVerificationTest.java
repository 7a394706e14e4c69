package pagelab.exercises.heapwalk;

import pagelab.exercise.Exercise;
import pagelab.testkit.ExerciseVerification;

/** The reference scores 100%, the starter less, and each known-wrong solution fails exactly its checks. */
class HeapWalkVerificationTest extends ExerciseVerification {
    @Override
    protected Exercise exercise() {
        return new HeapWalk();
    }
}
