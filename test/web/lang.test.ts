/** The web page's language from the browser's preferences (src/web/lang.ts). */
import { pageLang } from '../../src/web/lang';

describe('pageLang', () => {
  it.each([
    // English in any region is English.
    [['en-US'], 'en'],
    [['en'], 'en'],
    [['en_GB'], 'en'],
    // Traditional scripts and their regions are zh-TW.
    [['zh-TW'], 'zh-TW'],
    [['zh-HK', 'en'], 'zh-TW'],
    [['zh-Hant'], 'zh-TW'],
    [['zh-Hant-CN'], 'zh-TW'],
    // Other Chinese is simplified.
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-SG'], 'zh-CN'],
    [['zh-Hans-HK'], 'zh-CN'],
    // The first Chinese or English preference decides.
    [['fr-FR', 'en-GB'], 'en'],
    [['ja-JP', 'zh-TW', 'en'], 'zh-TW'],
    [['en-US', 'zh-CN'], 'en'],
    // Neither: simplified Chinese, not English.
    [['fr-FR'], 'zh-CN'],
    [['ja', 'ko'], 'zh-CN'],
    [[], 'zh-CN'],
  ])('%j → %s', (tags, want) => {
    expect(pageLang(tags)).toBe(want);
  });

  it('takes one tag, or nothing, as well as a list', () => {
    expect(pageLang('en-AU')).toBe('en');
    expect(pageLang('de')).toBe('zh-CN');
    expect(pageLang(null)).toBe('zh-CN');
    expect(pageLang(undefined)).toBe('zh-CN');
  });
});
