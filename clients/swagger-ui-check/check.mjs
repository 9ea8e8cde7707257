// Opens the service's Swagger UI in headless Chromium (Debian's, driven by playwright-core) as a
// new user would: Authorize with the bearer token, then "Try it out" and "Execute" on create,
// insert and search with the examples the page offers, and reads each answer off the page.
// ../run.sh starts a fresh service and runs this; it exits 1 when a step fails. On failure it
// saves the page as failure.png.
import { chromium } from 'playwright-core';

const ENDPOINT = process.env.QUIVER_ENDPOINT ?? 'http://127.0.0.1:19530';
const TOKEN = process.env.QUIVER_TOKEN ?? 'root:Milvus';
const BROWSER = process.env.CHROMIUM ?? '/usr/bin/chromium';

// As root Chromium needs --no-sandbox; without the background-networking flags it keeps trying
// hosts this machine cannot reach.
const browser = await chromium.launch({
    executablePath: BROWSER,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
let failed = 0;

function check(name, ok, detail) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || detail === undefined ? '' : `: ${detail}`}`);
    if (!ok) failed++;
}

/** Expands an operation, fills nothing (the page's example is the request), executes it, returns the answer. */
async function tryItOut(tag, operationId) {
    const block = page.locator(`#operations-${tag}-${operationId}`);
    await block.locator('.opblock-summary').first().click();
    await block.locator('button.try-out__btn').click();
    const sentBody = await block.locator('textarea.body-param__text').inputValue();
    await block.locator('button.execute').click();
    const answer = block.locator('.live-responses-table .response-col_description pre').first();
    await answer.waitFor({ timeout: 15000 });
    const url = await block.locator('.request-url pre').first().innerText();
    return { sentBody, url, answer: JSON.parse(await answer.innerText()) };
}

try {
    await page.goto(`${ENDPOINT}/swagger-ui.html`);
    await page.locator('#operations-collections-create').waitFor({ timeout: 30000 });
    check('the page lists the routes', true);

    await page.locator('button.authorize').first().click();
    const dialog = page.locator('.modal-ux');
    await dialog.locator('input[type=text], input[type=password]').first().fill(TOKEN);
    await dialog.locator('button.authorize').click();
    await dialog.locator('button.btn-done').click();

    const created = await tryItOut('collections', 'create');
    check('create: the page sent its example', created.sentBody.includes('"collectionName": "book"'), created.sentBody);
    check('create: sent to the origin the page came from', created.url === `${ENDPOINT}/v1/vector/collections/create`,
        created.url);
    check('create answers code 200', created.answer.code === 200, JSON.stringify(created.answer));

    const inserted = await tryItOut('entities', 'insert');
    check('insert answers code 200 with 2 rows', inserted.answer.code === 200 && inserted.answer.data?.insertCount === 2,
        JSON.stringify(inserted.answer));

    const searched = await tryItOut('entities', 'search');
    check('search answers code 200 with the nearest row first',
        searched.answer.code === 200 && searched.answer.data?.[0]?.title === 'The Hobbit',
        JSON.stringify(searched.answer));
} catch (error) {
    check('the page works', false, error.stack);
    await page.screenshot({ path: 'failure.png', fullPage: true }).catch(() => {});
} finally {
    await browser.close();
}
process.exitCode = failed === 0 ? 0 : 1;
