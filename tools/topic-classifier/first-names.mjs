// Writes first-names.txt: the given names of @faker-js/faker 9.9.0 (MIT; its en, de, fr and es person data), one per
// line. TrainTopics leaves a name out of the topic features unless the language's prose writes it lowercase too (a word
// such as "mark" or "grace"): a first name says who, not what, and the training sources name celebrities far more often
// on one desk than another.
//   cd tools/topic-classifier && npm install --no-save @faker-js/faker@9.9.0 && node first-names.mjs
import fs from 'node:fs';
import { fakerEN, fakerDE, fakerFR, fakerES } from '@faker-js/faker';

const names = new Set();
for (const locale of [fakerEN, fakerDE, fakerFR, fakerES]) {
  const first = locale.definitions.person.first_name;
  for (const list of Object.values(first)) {
    for (const name of list) {
      if (!name.includes(' ')) {
        names.add(name);
      }
    }
  }
}
const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en'));
fs.writeFileSync(new URL("../../enrich-service/src/main/resources/first-names.txt", import.meta.url),
  '# Given names from @faker-js/faker 9.9.0 (MIT License, https://github.com/faker-js/faker), locales en, de, fr, es; made by first-names.mjs\n'
  + sorted.join('\n') + '\n');
console.log(`first-names.txt: ${sorted.length} names`);
