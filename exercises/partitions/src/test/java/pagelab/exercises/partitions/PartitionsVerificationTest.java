package pagelab.exercises.partitions;

import pagelab.exercise.Exercise;
import pagelab.testkit.ExerciseVerification;

/** The reference scores 100%, the starter less, and each known-wrong solution fails exactly its checks. */
class PartitionsVerificationTest extends ExerciseVerification {
    @Override
    protected Exercise exercise() {
        return new Partitions();
    }
}
