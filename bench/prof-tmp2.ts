import { readFileSync } from 'node:fs';
import { YamlDocument } from '../server/src/core/parse/yamlDocument';
import { toPlainValue } from '../server/src/core/parse/toValue';
import { buildPlanModel } from '../server/src/core/model/build';
import { checkSchema } from '../server/src/core/validate/schemaErrors';
import { checkRules } from '../server/src/core/validate';
const EX = readFileSync('examples/plone-intranet.drplan.yaml','utf8');
const sc = EX.slice(EX.indexOf('  - id: storage\n'), EX.indexOf('  - id: rack\n'));
const copies=[]; for (let i=0;i<Number(process.argv[2]);i++) copies.push(sc.replace('id: storage\n',`id: storage-${i}\n`));
const text = EX.replace('scenarios:\n', `scenarios:\n${copies.join('')}`);
for (let r=0;r<4;r++){
  const t0=performance.now(); const y=new YamlDocument(text); const t1=performance.now();
  const v=toPlainValue(y); const t2=performance.now(); const m=buildPlanModel(y); const t3=performance.now();
  const s=checkSchema(y,v); const t4=performance.now(); const r2=checkRules(m, 20000); const t5=performance.now();
  console.log(`yamldoc ${(t1-t0).toFixed(0)} toValue ${(t2-t1).toFixed(0)} model ${(t3-t2).toFixed(0)} schema ${(t4-t3).toFixed(0)} rules ${(t5-t4).toFixed(0)}`);
}
