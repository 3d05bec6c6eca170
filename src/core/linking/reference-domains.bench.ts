// Speed of the reference-site matcher, which linking calls for every URL identifier of a store:
// `npx vitest bench --run --config test/vitest.config.ts src/core/linking/reference-domains`.
// Target (2-core machine): >= 2M calls/s on a mix of fraud sites and reference sites. Never part
// of the unit-test run.
import { bench, describe } from 'vitest';
import { isReferenceUrl, makeReferenceDomains, shippedReferences } from './reference-domains';

const REFS = makeReferenceDomains(shippedReferences());

// Canonical values as the normaliser writes them: most are fraudsters' sites, some cite a reference site.
const VALUES = [
  'http://icbc-jf.cn/lq',
  'http://boc-jf.top/m',
  'http://app.xyz-loan.vip/d?c=K9',
  'http://icbc.com.cn.xyz-jf.top/login',
  'http://t.cn/A6abcDE',
  'http://kefu-jd.com.cn/refund',
  'http://103.45.6.7:8080/login',
  'http://virustotal.com#/url/4b2a7f09c1/detection',
  'http://tieba.baidu.com/p/8812734',
  'http://mps.gov.cn/n2254',
];

describe('isReferenceUrl', () => {
  let i = 0;
  bench('mixed URL identifiers, shipped list', () => {
    isReferenceUrl(REFS, VALUES[i++ % VALUES.length] as string);
  });
});
