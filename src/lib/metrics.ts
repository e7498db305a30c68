/**
 * How well a classifier did: its confusion matrix and accuracy, for the posts' classifiers (a
 * nearest-centroid baseline, a trained model's test set). Pure functions over labels.
 */

export interface ConfusionMatrix {
  /** The classes, in the order of the matrix's rows and columns. */
  readonly labels: readonly string[];
  /** counts[i][j]: how many items of class labels[i] were predicted as labels[j]. */
  readonly counts: readonly (readonly number[])[];
}

/**
 * Counts each (true class, predicted class) pair. Rows are the true classes, columns the
 * predictions, both in the order of `labels` (by default, each class in the order first seen
 * among the true classes, then among the predictions). A label outside `labels` is an error.
 */
export function confusionMatrix(actual: readonly string[], predicted: readonly string[], labels?: readonly string[]): ConfusionMatrix {
  if (actual.length !== predicted.length) {
    throw new RangeError(`confusionMatrix: ${actual.length} true classes but ${predicted.length} predictions; give one of each per item`);
  }
  const classes = labels ?? [...new Set([...actual, ...predicted])];
  const index = new Map(classes.map((label, i) => [label, i]));
  if (index.size !== classes.length) throw new RangeError('confusionMatrix: a class is named twice in labels');
  const counts = classes.map(() => classes.map(() => 0));
  actual.forEach((truth, item) => {
    const row = index.get(truth);
    const column = index.get(predicted[item]!);
    if (row === undefined || column === undefined) {
      const unknown = row === undefined ? truth : predicted[item];
      throw new RangeError(
        `confusionMatrix: item ${item} has the class "${unknown}", which is not among the labels (${classes.join(', ')})`,
      );
    }
    counts[row]![column]! += 1;
  });
  return { labels: classes, counts };
}

/** The share of items on the diagonal: predicted as their true class. */
export function accuracy(matrix: ConfusionMatrix): number {
  const total = matrix.counts.flat().reduce((sum, count) => sum + count, 0);
  if (total === 0) throw new RangeError('accuracy: the confusion matrix counts no items');
  const correct = matrix.counts.reduce((sum, row, i) => sum + row[i]!, 0);
  return correct / total;
}

/** Each row divided by its total (the share of each true class predicted as each class); a row of no items stays 0. */
export function rowShares(matrix: ConfusionMatrix): number[][] {
  return matrix.counts.map((row) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return row.map((count) => (total === 0 ? 0 : count / total));
  });
}
