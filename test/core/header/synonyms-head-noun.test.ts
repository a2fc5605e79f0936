/**
 * Plain-name headers read by their head noun, as offices vary the words in front of it:
 * `市挂钩领导`, `镇挂钩领导`, `挂钩领导 / 市领导` are leaders; `需要省、市协调解决问题` is problems.
 * A head-noun reading is weak: a fuller synonym of another field still wins.
 */
import { scoreHeader } from '../../../src/core/header/synonyms';

const best = (levels: string[]) => scoreHeader(levels)[0]?.field ?? null;

describe('head nouns', () => {
  it.each([
    [['市挂钩领导']],
    [['镇挂钩领导']],
    [['市或县挂钩领导']],
    [['挂钩领导', '市领导']],
    [['项目挂\n点领导']],
  ])('%j → leader', (levels) => {
    expect(best(levels)).toBe('leader');
  });
  it.each([
    [['需要省、市协调解决问题']],
    [['项目建设中存在问题']],
  ])('%j → problems', (levels) => {
    expect(best(levels)).toBe('problems');
  });
  it('a fuller synonym of another field keeps its reading', () => {
    expect(best(['挂点领导'])).toBe('leader');
    expect(best(['存在问题'])).toBe('problems');
    expect(best(['责任单位'])).toBe('responsibleUnit');
  });
});
