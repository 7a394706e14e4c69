/** Tests of the new-exercise archetype: what it generates builds and verifies. */
package pagelab.archetype;
