import { describe, expect, test } from 'vitest';
import { accuracy, confusionMatrix, rowShares } from '../../src/lib/metrics.ts';

describe('confusionMatrix', () => {
  const actual = ['cat', 'cat', 'dog', 'dog', 'dog', 'bird'];
  const predicted = ['cat', 'dog', 'dog', 'dog', 'bird', 'bird'];

  test('rows are the true classes, columns the predictions, in first-seen order', () => {
    expect(confusionMatrix(actual, predicted)).toEqual({
      labels: ['cat', 'dog', 'bird'],
      counts: [
        [1, 1, 0],
        [0, 2, 1],
        [0, 0, 1],
      ],
    });
  });

  test('in the order of the labels given, with a class never seen as a row of zeros', () => {
    expect(confusionMatrix(actual, predicted, ['bird', 'cat', 'dog', 'fish']).counts).toEqual([
      [1, 0, 0, 0],
      [0, 1, 1, 0],
      [1, 0, 2, 0],
      [0, 0, 0, 0],
    ]);
  });

  test('accuracy is the share on the diagonal; row shares divide each row by its total', () => {
    const matrix = confusionMatrix(actual, predicted);
    expect(accuracy(matrix)).toBeCloseTo(4 / 6, 15);
    expect(rowShares(matrix)).toEqual([
      [0.5, 0.5, 0],
      [0, 2 / 3, 1 / 3],
      [0, 0, 1],
    ]);
    expect(rowShares(confusionMatrix([], [], ['a']))).toEqual([[0]]);
  });

  test('refuses what it cannot count, saying why', () => {
    expect(() => confusionMatrix(['a'], [])).toThrow('1 true classes but 0 predictions');
    expect(() => confusionMatrix(['a'], ['b'], ['a'])).toThrow('item 0 has the class "b", which is not among the labels (a)');
    expect(() => confusionMatrix([], [], ['a', 'a'])).toThrow('named twice');
    expect(() => accuracy(confusionMatrix([], [], ['a']))).toThrow('counts no items');
  });
});
