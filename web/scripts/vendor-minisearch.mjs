// Copies MiniSearch's browser build (the UMD file, which defines window.MiniSearch) into the knowledge base's
// published assets, where the .NET publisher embeds it. Run after changing the minisearch version in package.json:
//   npm --prefix web run vendor:minisearch
// A test (KbAssetsTests) fails while the copy differs from node_modules.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../node_modules/minisearch/dist/umd/index.js', import.meta.url));
const target = fileURLToPath(new URL('../../functions/Switchboard.Handlers/KnowledgeBase/Site/Assets/minisearch.js', import.meta.url));
const { version } = JSON.parse(readFileSync(fileURLToPath(new URL('../node_modules/minisearch/package.json', import.meta.url)), 'utf8'));
writeFileSync(target, `/*! MiniSearch ${version} | MIT License | Copyright 2022 Luca Ongaro */\n` + readFileSync(source, 'utf8'));
console.log(`Vendored MiniSearch ${version} to ${target}`);
