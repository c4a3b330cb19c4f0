import assert from 'node:assert/strict';
import { test } from 'node:test';
import { framedHtml, framePolicy, hasRemoteContent } from './remoteContent.ts';

const origin = 'https://help.acme.test';

test('remote images, backgrounds and stylesheets count as remote content; links and inline images do not', () => {
  assert.equal(hasRemoteContent('<img src="https://track.example/p.gif">'), true);
  assert.equal(hasRemoteContent('<img srcset="//cdn.example/a.png 2x">'), true);
  assert.equal(hasRemoteContent('<div style="background-image: url( \'http://t.example/b.png\')">'), true);
  assert.equal(hasRemoteContent('<td background=http://t.example/b.png>'), true);
  assert.equal(hasRemoteContent('<style>@import "https://t.example/s.css";</style>'), true);
  assert.equal(hasRemoteContent('<a href="https://example.com/help">help</a>'), false);
  assert.equal(hasRemoteContent('<img src="/api/conversations/c1/messages/m1/attachments/0?sig=x">'), false);
  assert.equal(hasRemoteContent('<img src="data:image/png;base64,AAAA">'), false);
});

test('the frame policy allows remote images only when the agent asked for them', () => {
  assert.equal(
    framePolicy({ remoteAllowed: false, origin }),
    `default-src 'none'; img-src ${origin} data:; style-src 'unsafe-inline'; font-src ${origin} data:; form-action 'none'; base-uri 'none'`,
  );
  assert.match(framePolicy({ remoteAllowed: true, origin }), /img-src https:\/\/help\.acme\.test data: https: http:;/);
});

test('the policy goes first, after a doctype if there is one', () => {
  assert.match(framedHtml('<p>Hi</p>', { remoteAllowed: false, origin }), /^<meta http-equiv="Content-Security-Policy" content="[^"]+"><p>Hi<\/p>$/);
  assert.match(framedHtml('<!DOCTYPE html><html><body>x</body></html>', { remoteAllowed: false, origin }), /^<!DOCTYPE html><meta http-equiv/);
});
