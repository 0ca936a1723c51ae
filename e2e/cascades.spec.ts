import { expect, expectNoSeriousAxeViolations, OWN, storedCampaign, test } from './fixtures'

// D9 from the buyer's side: a manifest update re-syncs to the buys that use its format and the sellers review it;
// an advertiser include list reaches every active buy. The sandbox clock is manual: sellers act when the test ticks.

const SUMMER = 'cmp_100000001'
const DISPLAY_BUY = 'Summer Trail Gear — Always On · Northwind Exchange'
const RETAIL_BUY = 'Summer Trail Gear — Always On · Pinnacle Retail Media'
const NATIVE = 'Summer Trail Gear — Native story card'

test('edit a manifest’s name: the review lists the buys it re-syncs to, and the seller’s review moves on', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await page.goto(`/campaigns/${SUMMER}`)
  const section = page.getByRole('region', { name: 'Creatives' })
  // Below the buys, the section asks for its manifests when the buyer scrolls to it.
  await section.scrollIntoViewIfNeeded()
  const sellers = section.getByRole('list', { name: `Sellers of ${NATIVE}` })
  await expect(sellers.getByRole('listitem')).toHaveText(['Northwind Exchange Approved'])
  await expectNoSeriousAxeViolations(page, 'the Creatives section', '#creatives')

  await section.getByRole('button', { name: `Edit ${NATIVE}` }).click()
  const dialog = page.getByRole('dialog', { name: `Edit ${NATIVE}` })
  const name = dialog.getByRole('textbox', { name: 'Name' })
  await expect(name).toHaveValue(NATIVE)

  // A bad address stays on its field, and what was typed stays in the form.
  await name.fill(`${NATIVE} v2`)
  await dialog.getByRole('textbox', { name: 'New click-through URL' }).fill('trail gear')
  await dialog.getByRole('button', { name: 'Review change' }).click()
  await expect(dialog.getByText(/A full http\(s\) address/)).toBeVisible()
  await dialog.getByRole('textbox', { name: 'New click-through URL' }).fill('')
  await dialog.getByRole('button', { name: 'Review change' }).click()

  await expect(dialog.getByRole('region', { name: 'Buys it re-syncs to' }).getByRole('listitem')).toHaveText([
    DISPLAY_BUY,
  ])
  await expect(dialog.getByRole('region', { name: 'Buys it does not re-sync to' }).getByRole('listitem')).toHaveText([
    `${RETAIL_BUY}: Its products do not accept native_in_feed (sponsored_placement, image)`,
  ])
  await expectNoSeriousAxeViolations(page, 'the dialog', '[role="dialog"]')
  await dialog.getByRole('button', { name: 'Send change' }).click()

  const results = dialog.getByRole('list', { name: 'Result per buy' })
  await expect(results.getByRole('listitem').first()).toHaveText(`${DISPLAY_BUY}: In review`)
  await dialog.getByRole('button', { name: 'Close' }).last().click()
  await expect(dialog).toBeHidden()

  const renamed = section.getByRole('list', { name: `Sellers of ${NATIVE} v2` })
  await expect(renamed.getByRole('listitem')).toHaveText(['Northwind Exchange In review'])

  // The seller reviews the new version on its clock; the view asks again while a review is open.
  const tick = await page.request.post('/sandbox/tick', { headers: OWN, data: { ms: 3_600_000 } })
  expect(tick.ok()).toBe(true)
  await expect(renamed.getByRole('listitem')).toHaveText(['Northwind Exchange Approved'], { timeout: 45_000 })
})

test('attach an include list to all active buys: the cascade summary matches the buys', async ({ page }) => {
  const buys = (await storedCampaign(page.request, SUMMER)).mediaBuys
  const active = buys.filter((b) => b.status === 'ACTIVE').length
  expect(active).toBe(2)

  await page.goto(`/campaigns/${SUMMER}`)
  const section = page.getByRole('region', { name: 'Property lists' })
  await section.scrollIntoViewIfNeeded()
  const LIST = 'Northstar — Outdoor & adventure publishers'
  await expect(section.getByRole('list', { name: `Buys carrying ${LIST}` }).getByRole('listitem')).toHaveText([
    `${DISPLAY_BUY}: 8 of 8 packages`,
  ])
  await expectNoSeriousAxeViolations(page, 'the Property lists section', '#property-lists')

  await section.getByRole('button', { name: `Attach to all active buys (${LIST})` }).click()
  const dialog = page.getByRole('dialog', { name: `Attach ${LIST}` })
  await expect(dialog.getByRole('list', { name: 'What the list will reach' }).getByRole('listitem')).toHaveText([
    `${DISPLAY_BUY}: skipped (Every package already carries the list)`,
    `${RETAIL_BUY}: its 4 packages take the list`,
  ])
  await dialog.getByRole('button', { name: 'Attach list' }).click()

  const summary = dialog.getByRole('definition')
  await expect(summary).toHaveText([String(active), '1', '0', '1'])
  await expectNoSeriousAxeViolations(page, 'the dialog', '[role="dialog"]')
  await dialog.getByRole('button', { name: 'Close' }).last().click()
  await expect(section.getByRole('list', { name: `Buys carrying ${LIST}` }).getByRole('listitem')).toHaveText([
    `${DISPLAY_BUY}: 8 of 8 packages`,
    `${RETAIL_BUY}: 4 of 4 packages`,
  ])
})
