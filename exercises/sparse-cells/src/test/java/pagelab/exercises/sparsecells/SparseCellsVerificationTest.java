package pagelab.exercises.sparsecells;

import pagelab.exercise.Exercise;
import pagelab.testkit.ExerciseVerification;

// tag::verification[]
/** The reference scores 100%, the starter less, and each known-wrong solution fails exactly its checks. */
class SparseCellsVerificationTest extends ExerciseVerification {
    @Override
    protected Exercise exercise() {
        return new SparseCells();
    }
}
// end::verification[]
