package org.district.standalone;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * For every endpoint, one request that does what the endpoint is for, addressed to records made
 * beforehand through the API as the admin. Each row: the endpoint as the OpenAPI document names
 * it, the request's path and query, and its body (JSON, or {@code text/csv:} and the file).
 * {@code {name}} is a record made beforehand; {@code {unique}}, {@code {uniqueLicence}} and
 * {@code {uniqueDate}} are new at each send, so a request may be repeated and still be valid. A
 * fourth column says what the admin gets when it is not a success: such a request aims at nothing
 * (an unknown module), so that it changes nothing it should not. A fifth, a header it carries.
 */
final class ExampleRequests {

    private static final String TABLE = """
            GET    /api/admin/accounts                                        | /api/admin/accounts
            POST   /api/admin/accounts                                        | /api/admin/accounts | {"username":"new.account.{unique}","password":"a-long-enough-password","roles":["notice-board.editor"]}
            PUT    /api/admin/accounts/{username}                             | /api/admin/accounts/{account} | {"password":"another-long-password","roles":["auditor"]}
            DELETE /api/admin/accounts/{username}                             | /api/admin/accounts/{leavingAccount}
            GET    /api/admin/audit                                           | /api/admin/audit?module=platform&page=0&size=5
            GET    /api/admin/audit/export                                    | /api/admin/audit/export
            GET    /api/admin/audit/verify                                    | /api/admin/audit/verify
            GET    /api/admin/modules                                         | /api/admin/modules
            GET    /api/admin/modules/{id}                                    | /api/admin/modules/notice-board
            POST   /api/admin/modules/{id}/disable                            | /api/admin/modules/no-such-module/disable?cascade=false | | 404
            POST   /api/admin/modules/{id}/enable                             | /api/admin/modules/notice-board/enable?cascade=false
            POST   /api/admin/modules/{id}/update                             | /api/admin/modules/no-such-module/update | | 404
            GET    /api/admin/modules/{id}/config                             | /api/admin/modules/courier-stations/config?lang=zh
            PUT    /api/admin/modules/{id}/config/{pid}                       | /api/admin/modules/courier-stations/config/org.district.plugins.courierstations?lang=zh | {"duplicateWindowMinutes":10}
            GET    /api/admin/retention                                       | /api/admin/retention
            PUT    /api/admin/retention/{module}/{dataset}                    | /api/admin/retention/{retained} | {"days":730}
            POST   /api/admin/retention/purge                                 | /api/admin/retention/purge
            GET    /api/admin/tokens                                          | /api/admin/tokens?username=admin
            DELETE /api/admin/tokens/{id}                                     | /api/admin/tokens/{someonesToken}
            GET    /api/city                                                  | /api/city | | 404
            GET    /api/city/logo                                             | /api/city/logo | | 404
            GET    /api/city/places                                           | /api/city/places | | 404
            GET    /api/console/pages                                         | /api/console/pages
            GET    /api/session                                               | /api/session | | | Cookie: district_session={consoleSession}
            POST   /api/session                                               | /api/session | {"username":"example.console","password":"example-console-password"}
            DELETE /api/session                                               | /api/session
            GET    /api/tokens                                                | /api/tokens
            POST   /api/tokens                                                | /api/tokens | {"name":"nightly export {unique}","scopes":[],"expiresInDays":30}
            DELETE /api/tokens/{id}                                           | /api/tokens/{ownToken}

            GET    /api/courier-stations/coverage                             | /api/courier-stations/coverage
            POST   /api/courier-stations/coverage                             | /api/courier-stations/coverage?name=玉林需求&coords=wgs84 | text/csv:lat,lon,weight\\n30.6305,104.0518,3\\n30.6405,104.0618,1\\n
            DELETE /api/courier-stations/coverage/{id}                        | /api/courier-stations/coverage/{coverageToDelete}
            GET    /api/courier-stations/coverage/{id}                        | /api/courier-stations/coverage/{coverage}?radius=3750&at={today}T20:00&coords=wgs84&clusters=5
            POST   /api/courier-stations/coverage/{id}/points                 | /api/courier-stations/coverage/{coverage}/points?coords=wgs84 | text/csv:lat,lon,weight\\n30.6505,104.0718,2\\n
            GET    /api/courier-stations/coverage/{id}/proposals              | /api/courier-stations/coverage/{coverage}/proposals?k=2&radius=3750&at={today}T20:00&coords=wgs84
            GET    /api/courier-stations/figures                              | /api/courier-stations/figures?from={weekAgo}&to={today}&by=day&stationId={station}
            POST   /api/courier-stations/public/checkins                      | /api/courier-stations/public/checkins | {"code":"{checkinCode}","workerKind":"courier","token":"rider-token-{unique}","services":["drinking_water"]}
            GET    /api/courier-stations/public/coordinates                   | /api/courier-stations/public/coordinates?lat=30.6305&lon=104.0518&from=wgs84&to=gcj02
            GET    /api/courier-stations/public/services                      | /api/courier-stations/public/services
            GET    /api/courier-stations/public/stations                      | /api/courier-stations/public/stations?bbox=103.9,30.5,104.2,30.8&coords=wgs84&service=toilet&open=false&at={today}T20:00&limit=50
            GET    /api/courier-stations/public/stations/nearest              | /api/courier-stations/public/stations/nearest?lat=30.6305&lon=104.0518&coords=wgs84&service=toilet&open=false&at={today}T20:00&limit=5&within=5000
            GET    /api/courier-stations/public/stations/{id}                 | /api/courier-stations/public/stations/{station}?coords=wgs84
            GET    /api/courier-stations/settings                             | /api/courier-stations/settings
            GET    /api/courier-stations/stations                             | /api/courier-stations/stations?district=成都市/武侯区&street=玉林街道&community=玉林社区&kind=rider&status=open&service=toilet&q=驿站&coords=wgs84&page=0&size=20
            POST   /api/courier-stations/stations                             | /api/courier-stations/stations?coords=wgs84 | {"name":"玉林骑手驿站 {unique}","kind":"rider","address":"成都市武侯区玉林北路 2 号","district":"成都市/武侯区","street":"玉林街道","community":"玉林社区","lat":30.6305,"lon":104.0518,"services":["drinking_water","toilet"],"hours":["Mon-Fri 08:00-22:00","Sat,Sun 10:00-24:00"],"closures":[{"date":"2030-02-06","reason":"春节"}],"capacity":12,"contactPhone":"028-85551234","status":"open","statusReason":"每天开放"}
            GET    /api/courier-stations/stations/{id}                        | /api/courier-stations/stations/{station}?coords=wgs84
            PUT    /api/courier-stations/stations/{id}                        | /api/courier-stations/stations/{station}?coords=wgs84 | {"name":"春熙路骑手驿站","kind":"rider","address":"成都市锦江区春熙路 51 号","district":"成都市/锦江区","street":"春熙路街道","community":"滨江社区","lat":30.6492,"lon":104.0772,"services":["drinking_water","toilet"],"hours":["24h"],"closures":[{"date":"2030-02-06","reason":"春节"}],"capacity":8,"contactPhone":"13812345678","status":"open","statusReason":"全天开放"}
            DELETE /api/courier-stations/stations/{id}                        | /api/courier-stations/stations/{stationToDelete}
            GET    /api/courier-stations/stations/{id}/checkin-code           | /api/courier-stations/stations/{station}/checkin-code
            POST   /api/courier-stations/stations/{id}/checkin-code           | /api/courier-stations/stations/{stationToRecode}/checkin-code
            GET    /api/courier-stations/stations/{id}/qr.png                 | /api/courier-stations/stations/{station}/qr.png?size=200

            GET    /api/farm-aid-streaming/courses                            | /api/farm-aid-streaming/courses?active=true&page=0&size=20
            POST   /api/farm-aid-streaming/courses                            | /api/farm-aid-streaming/courses | {"title":"直播带货公益培训 {unique}","organiser":"椒江区人社局","hours":24,"description":"选品、话术与平台规则","active":true}
            GET    /api/farm-aid-streaming/courses/{id}                       | /api/farm-aid-streaming/courses/{course}
            PUT    /api/farm-aid-streaming/courses/{id}                       | /api/farm-aid-streaming/courses/{course} | {"title":"助农直播入门","organiser":"椒江区人社局","hours":16,"description":"选品与话术","active":true}
            DELETE /api/farm-aid-streaming/courses/{id}                       | /api/farm-aid-streaming/courses/{courseToDelete}
            GET    /api/farm-aid-streaming/courses/{id}/sessions              | /api/farm-aid-streaming/courses/{course}/sessions
            POST   /api/farm-aid-streaming/courses/{id}/sessions              | /api/farm-aid-streaming/courses/{course}/sessions | {"startsAt":"{uniqueDate}T09:00","endsAt":"{uniqueDate}T17:00","place":"椒江区新就业群体服务中心","capacity":30}
            GET    /api/farm-aid-streaming/course-sessions/{id}               | /api/farm-aid-streaming/course-sessions/{courseSession}
            PUT    /api/farm-aid-streaming/course-sessions/{id}               | /api/farm-aid-streaming/course-sessions/{laterCourseSession} | {"startsAt":"{uniqueDate}T09:00","endsAt":"{uniqueDate}T17:00","place":"椒江区文化馆","capacity":40}
            DELETE /api/farm-aid-streaming/course-sessions/{id}               | /api/farm-aid-streaming/course-sessions/{courseSessionToDelete}
            GET    /api/farm-aid-streaming/course-sessions/{id}/enrolments    | /api/farm-aid-streaming/course-sessions/{courseSession}/enrolments
            POST   /api/farm-aid-streaming/course-sessions/{id}/enrolments    | /api/farm-aid-streaming/course-sessions/{courseSession}/enrolments | {"streamerId":{streamerToEnrol}}
            GET    /api/farm-aid-streaming/enrolments/{id}                    | /api/farm-aid-streaming/enrolments/{enrolment}
            POST   /api/farm-aid-streaming/enrolments/{id}/complete           | /api/farm-aid-streaming/enrolments/{enrolment}/complete | {"certificateNo":"JJZB-2026-001"}
            POST   /api/farm-aid-streaming/enrolments/{id}/withdraw           | /api/farm-aid-streaming/enrolments/{enrolmentToWithdraw}/withdraw
            GET    /api/farm-aid-streaming/exports/streamers.csv              | /api/farm-aid-streaming/exports/streamers.csv?active=true
            GET    /api/farm-aid-streaming/products                           | /api/farm-aid-streaming/products?village={village}&category=produce&q=蜜橘&active=true&inSeason=10&page=0&size=20
            POST   /api/farm-aid-streaming/products                           | /api/farm-aid-streaming/products | {"villageId":{village},"name":"大陈黄鱼 {unique}","category":"produce","unit":"箱","price":88.50,"stock":120,"seasonStart":10,"seasonEnd":1,"active":true}
            GET    /api/farm-aid-streaming/products/{id}                      | /api/farm-aid-streaming/products/{product}
            PUT    /api/farm-aid-streaming/products/{id}                      | /api/farm-aid-streaming/products/{product} | {"villageId":{village},"name":"前所蜜橘","category":"produce","unit":"箱","price":45.00,"stock":300,"seasonStart":10,"seasonEnd":1,"active":true}
            DELETE /api/farm-aid-streaming/products/{id}                      | /api/farm-aid-streaming/products/{productToDelete}
            GET    /api/farm-aid-streaming/products/{id}/suggested-streamers  | /api/farm-aid-streaming/products/{product}/suggested-streamers?at={nextWeek}T20:00&minutes=120&limit=10
            GET    /api/farm-aid-streaming/public/catalogue                   | /api/farm-aid-streaming/public/catalogue
            GET    /api/farm-aid-streaming/public/sessions                    | /api/farm-aid-streaming/public/sessions?days=14&platform=douyin&village={village}&page=0&size=20
            GET    /api/farm-aid-streaming/reports/impact                     | /api/farm-aid-streaming/reports/impact?from={lastMonth}&to={thisMonth}&village={village}
            GET    /api/farm-aid-streaming/reports/{by}                       | /api/farm-aid-streaming/reports/villages?from={lastMonth}&to={thisMonth}&village={village}
            GET    /api/farm-aid-streaming/reports/{by}.csv                   | /api/farm-aid-streaming/reports/months.csv?from={lastMonth}&to={thisMonth}&village={village}&lang=zh
            GET    /api/farm-aid-streaming/sessions                           | /api/farm-aid-streaming/sessions?from={weekAgo}&to={nextWeek}&status=planned&streamer={streamer}&village={village}&product={product}&platform=douyin&page=0&size=20
            POST   /api/farm-aid-streaming/sessions                           | /api/farm-aid-streaming/sessions | {"streamerId":{streamer},"platform":"douyin","villageId":{village},"scheduledAt":"{uniqueDate}T20:00","minutes":120,"title":"前所蜜橘助农专场","productIds":[{product}]}
            GET    /api/farm-aid-streaming/sessions/{id}                      | /api/farm-aid-streaming/sessions/{liveSession}
            PUT    /api/farm-aid-streaming/sessions/{id}                      | /api/farm-aid-streaming/sessions/{liveSession} | {"streamerId":{streamer},"platform":"douyin","villageId":{village},"scheduledAt":"{uniqueDate}T19:30","minutes":90,"title":"大陈岛海鲜专场","productIds":[{product}]}
            POST   /api/farm-aid-streaming/sessions/{id}/cancel               | /api/farm-aid-streaming/sessions/{liveSessionToCancel}/cancel | {"reason":"台风预警，改期"}
            GET    /api/farm-aid-streaming/sessions/{id}/results              | /api/farm-aid-streaming/sessions/{liveSessionDone}/results
            PUT    /api/farm-aid-streaming/sessions/{id}/results              | /api/farm-aid-streaming/sessions/{liveSessionDone}/results | {"results":[{"productId":{product},"unitsSold":120,"salesValue":5130.00,"orders":100,"returns":3}],"totalSalesValue":5130.00}
            POST   /api/farm-aid-streaming/sessions/{id}/start                | /api/farm-aid-streaming/sessions/{liveSessionNow}/start
            GET    /api/farm-aid-streaming/streamers                          | /api/farm-aid-streaming/streamers?q=椒江&platform=douyin&category=produce&pioneer=true&active=true&trained=false&page=0&size=20
            POST   /api/farm-aid-streaming/streamers                          | /api/farm-aid-streaming/streamers | {"handle":"海岛主播{unique}","realName":"张丽","phone":"13812345678","pioneer":true,"active":true,"accounts":[{"platform":"douyin","accountId":"dy123456789","followers":128000}],"categories":["produce"],"availability":["Sat 19:00-22:00"]}
            GET    /api/farm-aid-streaming/streamers/{id}                     | /api/farm-aid-streaming/streamers/{streamer}
            PUT    /api/farm-aid-streaming/streamers/{id}                     | /api/farm-aid-streaming/streamers/{streamer} | {"handle":"椒江小鲜","realName":"张丽","phone":"13812345678","pioneer":true,"active":true,"accounts":[{"platform":"douyin","accountId":"dy123456789","followers":128000}],"categories":["produce"],"availability":["Daily 00:00-24:00"]}
            DELETE /api/farm-aid-streaming/streamers/{id}                     | /api/farm-aid-streaming/streamers/{streamerToDelete}
            GET    /api/farm-aid-streaming/villages                           | /api/farm-aid-streaming/villages?q=大陈&kind=village&node=台州市/椒江区&active=true&page=0&size=20
            POST   /api/farm-aid-streaming/villages                           | /api/farm-aid-streaming/villages | {"name":"前所村 {unique}","kind":"village","node":"台州市/椒江区/前所街道","contactName":"陈海东","contactPhone":"13957600101","active":true}
            GET    /api/farm-aid-streaming/villages/{id}                      | /api/farm-aid-streaming/villages/{village}
            PUT    /api/farm-aid-streaming/villages/{id}                      | /api/farm-aid-streaming/villages/{village} | {"name":"大陈岛村","kind":"village","node":"台州市/椒江区/大陈镇","contactName":"陈海东","contactPhone":"13957600101","active":true}
            DELETE /api/farm-aid-streaming/villages/{id}                      | /api/farm-aid-streaming/villages/{villageToDelete}
            GET    /api/farm-aid-streaming/villages/{id}/impact               | /api/farm-aid-streaming/villages/{village}/impact?from={lastMonth}&to={thisMonth}
            PUT    /api/farm-aid-streaming/villages/{id}/impact/{month}       | /api/farm-aid-streaming/villages/{village}/impact/{thisMonth} | {"villagersEmployed":12,"incomeChangePerPerson":30000.00,"note":"渔获直播带动就业"}
            DELETE /api/farm-aid-streaming/villages/{id}/impact/{month}       | /api/farm-aid-streaming/villages/{village}/impact/{lastMonth}
            GET    /api/farm-aid-streaming/villages/{id}/sales-chart          | /api/farm-aid-streaming/villages/{village}/sales-chart?from={lastMonth}&to={thisMonth}
            GET    /api/farm-aid-streaming/villages/{id}/sales-chart.svg      | /api/farm-aid-streaming/villages/{village}/sales-chart.svg?from={lastMonth}&to={thisMonth}

            GET    /api/lawyer-roster/firms                                   | /api/lawyer-roster/firms?page=0&size=20
            POST   /api/lawyer-roster/firms                                   | /api/lawyer-roster/firms | {"name":"四川玉林律师事务所 {unique}","licenceNo":"31510000MD0123456","address":"成都市武侯区玉林路 8 号","district":"成都市/武侯区"}
            GET    /api/lawyer-roster/firms/{id}                              | /api/lawyer-roster/firms/{firm}
            PUT    /api/lawyer-roster/firms/{id}                              | /api/lawyer-roster/firms/{firm} | {"name":"四川蜀南律师事务所","licenceNo":"31510000MD0000001","address":"宜宾市翠屏区人民路 45 号","district":"宜宾市/翠屏区"}
            DELETE /api/lawyer-roster/firms/{id}                              | /api/lawyer-roster/firms/{firmToDelete}
            POST   /api/lawyer-roster/import                                  | /api/lawyer-roster/import?dryRun=true&encoding=UTF-8 | text/csv:licence_no,name,firm,specialties,languages,phone,availability,active\\n{uniqueLicence},周律师,四川蜀南律师事务所,contract;debt,普通话,13912345678,Fri 18:30-22:00,是\\n
            GET    /api/lawyer-roster/lawyers                                 | /api/lawyer-roster/lawyers?specialty=contract&district=宜宾市&language=普通话&availableOn=Fri&availableAt=19:30&active=true&page=0&size=20
            POST   /api/lawyer-roster/lawyers                                 | /api/lawyer-roster/lawyers | {"name":"陈律师","licenceNo":"{uniqueLicence}","firmId":{firm},"specialties":["contract","劳动"],"languages":["普通话","四川话"],"phone":"13912345678","availability":["Fri 18:30-22:00","周六 14:00-22:00"],"active":true}
            GET    /api/lawyer-roster/lawyers/{id}                            | /api/lawyer-roster/lawyers/{lawyer}
            PUT    /api/lawyer-roster/lawyers/{id}                            | /api/lawyer-roster/lawyers/{lawyer} | {"name":"王律师","licenceNo":"{lawyerLicence}","firmId":{firm},"specialties":["contract"],"languages":["普通话"],"phone":"13812345678","availability":{everyDay},"active":true}
            DELETE /api/lawyer-roster/lawyers/{id}                            | /api/lawyer-roster/lawyers/{lawyerToDelete}
            GET    /api/lawyer-roster/lawyers/{id}/duties                     | /api/lawyer-roster/lawyers/{lawyer}/duties
            POST   /api/lawyer-roster/lawyers/{id}/duties                     | /api/lawyer-roster/lawyers/{lawyer}/duties | {"start":"{weekAgo}T19:00","end":"{weekAgo}T21:30","place":"东街夜市"}
            GET    /api/lawyer-roster/public/lawyers                          | /api/lawyer-roster/public/lawyers?specialty=contract&page=0&size=20
            GET    /api/lawyer-roster/public/specialties                      | /api/lawyer-roster/public/specialties
            POST   /api/lawyer-roster/rota                                    | /api/lawyer-roster/rota | {"maxPerLawyerPerMonth":4,"sessions":[{"key":"dongjie-{unique}","start":"2030-01-04T19:00","end":"2030-01-04T21:30","place":"东街夜市","requiredSpecialties":["contract"]}]}

            GET    /api/legal-aid-night-market/calendar/lawyers/{id}.ics      | /api/legal-aid-night-market/calendar/lawyers/{lawyer}.ics
            GET    /api/legal-aid-night-market/calendar/markets/{id}.ics      | /api/legal-aid-night-market/calendar/markets/{market}.ics
            GET    /api/legal-aid-night-market/consultations                  | /api/legal-aid-night-market/consultations?market={market}&session={sessionPast}&from={weekAgo}&to={today}&category=payment_dispute&outcome=follow_up&overdue=false&page=0&size=20
            GET    /api/legal-aid-night-market/consultations/{id}             | /api/legal-aid-night-market/consultations/{consultation}
            PUT    /api/legal-aid-night-market/consultations/{id}/follow-up   | /api/legal-aid-night-market/consultations/{consultation}/follow-up | {"result":"已电话回访，双方已和解","doneOn":"{today}"}
            GET    /api/legal-aid-night-market/exports/consultations.csv      | /api/legal-aid-night-market/exports/consultations.csv?from={weekAgo}&to={today}&market={market}
            GET    /api/legal-aid-night-market/exports/figures.csv            | /api/legal-aid-night-market/exports/figures.csv?from={thisMonth}&to={thisMonth}&market={market}&lang=zh
            GET    /api/legal-aid-night-market/figures                        | /api/legal-aid-night-market/figures?from={thisMonth}&to={thisMonth}&market={market}
            GET    /api/legal-aid-night-market/markets                        | /api/legal-aid-night-market/markets?page=0&size=20
            POST   /api/legal-aid-night-market/markets                        | /api/legal-aid-night-market/markets | {"name":"玉林夜市 {unique}","place":"玉林西路夜市口法律服务点","district":"成都市/武侯区","timeZone":"Asia/Shanghai","openingHours":["Wed 19:00-21:30","周六 19:00-21:30"],"dutySpecialties":["contract"]}
            GET    /api/legal-aid-night-market/markets/{id}                   | /api/legal-aid-night-market/markets/{market}
            PUT    /api/legal-aid-night-market/markets/{id}                   | /api/legal-aid-night-market/markets/{market} | {"name":"宜宾东街夜市","place":"翠屏区东街夜市北入口法律服务点","district":"宜宾市/翠屏区","timeZone":"Asia/Shanghai","openingHours":["Fri 19:00-21:30"],"dutySpecialties":[]}
            DELETE /api/legal-aid-night-market/markets/{id}                   | /api/legal-aid-night-market/markets/{marketToDelete}
            POST   /api/legal-aid-night-market/markets/{id}/rota              | /api/legal-aid-night-market/markets/{rotaMarket}/rota?month={nextMonth}&maxPerLawyerPerMonth=4
            POST   /api/legal-aid-night-market/markets/{id}/schedule          | /api/legal-aid-night-market/markets/{rotaMarket}/schedule?month={nextMonth}
            POST   /api/legal-aid-night-market/markets/{id}/sessions          | /api/legal-aid-night-market/markets/{market}/sessions | {"date":"{uniqueDate}","start":"19:00","end":"21:30","theme":"以案说法"}
            GET    /api/legal-aid-night-market/public/catalogue               | /api/legal-aid-night-market/public/catalogue
            GET    /api/legal-aid-night-market/public/markets                 | /api/legal-aid-night-market/public/markets?page=0&size=20
            GET    /api/legal-aid-night-market/public/markets/{id}/tonight    | /api/legal-aid-night-market/public/markets/{market}/tonight
            GET    /api/legal-aid-night-market/public/sessions                | /api/legal-aid-night-market/public/sessions?market={market}&days=14&page=0&size=20
            GET    /api/legal-aid-night-market/sessions                       | /api/legal-aid-night-market/sessions?market={market}&from={weekAgo}&to={today}&status=planned&page=0&size=20
            GET    /api/legal-aid-night-market/sessions/{id}                  | /api/legal-aid-night-market/sessions/{sessionPast}
            PUT    /api/legal-aid-night-market/sessions/{id}                  | /api/legal-aid-night-market/sessions/{sessionToMove} | {"date":"{uniqueDate}","start":"19:30","end":"21:30","theme":"普法讲座"}
            POST   /api/legal-aid-night-market/sessions/{id}/cancel           | /api/legal-aid-night-market/sessions/{sessionToCancel}/cancel | {"reason":"暴雨预警"}
            POST   /api/legal-aid-night-market/sessions/{id}/close            | /api/legal-aid-night-market/sessions/{sessionToClose}/close
            GET    /api/legal-aid-night-market/sessions/{id}/consultations    | /api/legal-aid-night-market/sessions/{sessionPast}/consultations
            POST   /api/legal-aid-night-market/sessions/{id}/consultations    | /api/legal-aid-night-market/sessions/{sessionPast}/consultations | {"category":"payment_dispute","visitor":"stall_holder","summary":"货款结算有争议","outcome":"follow_up","contact":"13812345678","contactConsent":true,"followUpDue":"{today}"}
            GET    /api/legal-aid-night-market/sessions/{id}/duties           | /api/legal-aid-night-market/sessions/{sessionWithDuty}/duties
            POST   /api/legal-aid-night-market/sessions/{id}/duty             | /api/legal-aid-night-market/sessions/{sessionForDuty}/duty | {"lawyerId":{lawyer}}
            POST   /api/legal-aid-night-market/sessions/{id}/duty/cancel      | /api/legal-aid-night-market/sessions/{sessionDutyToCancel}/duty/cancel | {"reason":"临时出庭"}
            POST   /api/legal-aid-night-market/sessions/{id}/duty/swap        | /api/legal-aid-night-market/sessions/{sessionWithDuty}/duty/swap | {"lawyerId":{otherLawyer},"reason":"家中有事，换班"}
            POST   /api/legal-aid-night-market/sessions/{id}/open             | /api/legal-aid-night-market/sessions/{sessionToday}/open

            GET    /api/notice-board/notices                                  | /api/notice-board/notices?community=成都市武侯区玉林街道&page=0&size=20
            POST   /api/notice-board/notices                                  | /api/notice-board/notices | {"title":"电动车电池免费检测","body":"本周六上午 9 点至 12 点，在社区服务中心免费检测。","community":"成都市武侯区玉林街道","expiresAt":"2030-01-01T00:00:00Z"}
            GET    /api/notice-board/notices/{id}                             | /api/notice-board/notices/{notice}
            DELETE /api/notice-board/notices/{id}                             | /api/notice-board/notices/{noticeToDelete}
            """;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String CSV = "text/csv:";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** A request: method, path and query, body and its type (none for no body), the admin's answer, and a header to send. */
    record Example(String endpoint, String method, String path, String contentType, String body, Integer adminStatus, String header) {

        /** The admin's answer is right: the one the table names, or else a success. */
        boolean answeredAsMeant(int status) {
            return adminStatus == null ? status >= 200 && status < 300 : status == adminStatus;
        }

        /** Adds the example's header to a request. */
        HttpRequest.Builder headed(HttpRequest.Builder request) {
            return header == null ? request : request.header(header.substring(0, header.indexOf(':')).strip(),
                    header.substring(header.indexOf(':') + 1).strip());
        }
    }

    private final Map<String, Example> examples = new LinkedHashMap<>();
    private final AtomicInteger unique = new AtomicInteger();
    private final LocalDate today = LocalDate.now(CITY);

    private ExampleRequests(Map<String, String> records) {
        for (String line : TABLE.strip().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\\|", -1);
            String endpoint = columns[0].strip().replaceAll("\\s+", " ");
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = fill(columns[1].strip(), records);
            String body = columns.length > 2 && !columns[2].isBlank() ? fill(columns[2].strip(), records) : null;
            String contentType = body == null ? null : body.startsWith(CSV) ? "text/csv" : "application/json";
            if (body != null && body.startsWith(CSV)) {
                body = body.substring(CSV.length()).replace("\\n", "\n");
            }
            Integer adminStatus = columns.length > 3 && !columns[3].isBlank() ? Integer.valueOf(columns[3].strip()) : null;
            String header = columns.length > 4 ? fill(columns[4].strip(), records) : null;
            if (examples.put(endpoint, new Example(endpoint, method, path, contentType, body, adminStatus, header)) != null) {
                throw new IllegalStateException(endpoint + " has two examples");
            }
        }
    }

    Example get(String endpoint) {
        return examples.get(endpoint);
    }

    Set<String> endpoints() {
        return examples.keySet();
    }

    /** Sends it; a connection the platform dropped is an answer with status 0 that says so, not an exception. */
    static Reply send(RunningPlatform platform, HttpRequest.Builder request) {
        try {
            return platform.send(request);
        } catch (java.io.UncheckedIOException e) {
            return new Reply(0, "", Map.of(), "no answer: " + e.getCause().getMessage());
        }
    }

    /** The example as it goes out: new unique values, the path's non-ASCII characters percent-encoded. */
    HttpRequest.Builder request(RunningPlatform platform, Example example) {
        HttpRequest.Builder request = example.headed(platform.request(encode(fresh(example.path()))));
        if (example.body() == null) {
            return request.method(example.method(), HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", example.contentType())
                .method(example.method(), HttpRequest.BodyPublishers.ofString(fresh(example.body()), StandardCharsets.UTF_8));
    }

    /** Fills {@code {unique}}, {@code {uniqueLicence}} and {@code {uniqueDate}} with values not used before. */
    String fresh(String text) {
        if (!text.contains("{unique")) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = unique.incrementAndGet();
            String value = switch (m.group(1)) {
                case "unique" -> Integer.toString(n);
                case "uniqueLicence" -> String.format("5101020199%07d", n);
                case "uniqueDate" -> today.plusDays(100 + n).toString();
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** Percent-encodes what a URI may not carry as it is: characters outside ASCII, spaces. */
    static String encode(String pathAndQuery) {
        StringBuilder out = new StringBuilder();
        pathAndQuery.codePoints().forEach(c -> {
            if (c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`' && c != '{' && c != '|' && c != '}') {
                out.appendCodePoint(c);
            } else {
                out.append(URLEncoder.encode(new String(Character.toChars(c)), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        });
        return out.toString();
    }

    private static String fill(String text, Map<String, String> records) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.startsWith("unique") ? m.group() : records.get(name);
            if (value == null) {
                throw new IllegalStateException("no record {" + name + "} for: " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    // --- the records the examples address, made through the API as the admin

    static ExampleRequests create(RunningPlatform platform) {
        return new ExampleRequests(new Records(platform).make());
    }

    private static final class Records {
        private static final String EVERY_DAY = "[\"Mon 00:00-24:00\",\"Tue 00:00-24:00\",\"Wed 00:00-24:00\",\"Thu 00:00-24:00\","
                + "\"Fri 00:00-24:00\",\"Sat 00:00-24:00\",\"Sun 00:00-24:00\"]";
        private final RunningPlatform platform;
        private final Map<String, String> ids = new LinkedHashMap<>();
        private final LocalDate today = LocalDate.now(CITY);

        Records(RunningPlatform platform) {
            this.platform = platform;
        }

        Map<String, String> make() {
            ids.put("today", today.toString());
            ids.put("weekAgo", today.minusDays(7).toString());
            ids.put("thisMonth", YearMonth.from(today).toString());
            ids.put("nextMonth", YearMonth.from(today).plusMonths(1).toString());
            ids.put("lastMonth", YearMonth.from(today).minusMonths(1).toString());
            ids.put("nextWeek", today.plusDays(7).toString());
            ids.put("everyDay", EVERY_DAY);

            platform.addAccount("example.target", "example-target-password");
            platform.addAccount("example.leaving", "example-leaving-password");
            ids.put("account", "example.target");
            ids.put("leavingAccount", "example.leaving");
            platform.addAccount("example.console", "example-console-password", "auditor");
            Reply console = platform.send(platform.request("/api/session").header("Content-Type", "application/json").POST(
                    HttpRequest.BodyPublishers.ofString("{\"username\":\"example.console\",\"password\":\"example-console-password\"}")));
            String cookie = console.headers().getOrDefault("set-cookie", java.util.List.of("")).get(0);
            if (console.status() != 201 || !cookie.startsWith("district_session=")) {
                throw new AssertionError("no console session for the examples: " + console + " " + console.headers());
            }
            ids.put("consoleSession", cookie.substring("district_session=".length(), cookie.indexOf(';')));
            JsonNode retained = ok(platform.getAsAdmin("/api/admin/retention")).json().path(0);
            ids.put("retained", retained.isMissingNode() ? "legal-aid-night-market/consultations"
                    : retained.get("module").asText() + "/" + retained.get("dataset").asText());
            ids.put("ownToken", created("/api/tokens", "{\"name\":\"to revoke\"}"));
            ids.put("someonesToken", created("/api/tokens", "{\"name\":\"an admin revokes\"}"));

            String notice = "{\"title\":\"社区通知\",\"body\":\"夜市入口有律师咨询。\",\"community\":\"宜宾市翠屏区东街社区\"}";
            ids.put("notice", created("/api/notice-board/notices", notice));
            ids.put("noticeToDelete", created("/api/notice-board/notices", notice));

            String roster = "/api/lawyer-roster";
            ids.put("firm", created(roster + "/firms", "{\"name\":\"四川蜀南律师事务所\",\"district\":\"宜宾市/翠屏区\"}"));
            ids.put("firmToDelete", created(roster + "/firms", "{\"name\":\"待注销律师事务所\",\"district\":\"宜宾市/叙州区\"}"));
            ids.put("lawyerLicence", "51115202110000001");
            ids.put("lawyer", created(roster + "/lawyers", lawyer("王律师", "51115202110000001")));
            ids.put("otherLawyer", created(roster + "/lawyers", lawyer("李律师", "51115202110000002")));
            ids.put("lawyerToDelete", created(roster + "/lawyers", lawyer("赵律师", "51115202110000003")));

            String market = "/api/legal-aid-night-market/markets";
            String hours = ",\"place\":\"北入口法律服务点\",\"district\":\"宜宾市/翠屏区\",\"openingHours\":[\"Fri 19:00-21:30\"]}";
            ids.put("market", created(market, "{\"name\":\"宜宾东街夜市\"" + hours));
            ids.put("rotaMarket", created(market, "{\"name\":\"宜宾南岸夜市\"" + hours));
            ids.put("marketToDelete", created(market, "{\"name\":\"待撤夜市\"" + hours));
            String sessions = market + "/" + ids.get("market") + "/sessions";
            ids.put("sessionToday", session(sessions, today));
            ids.put("sessionPast", session(sessions, today.minusDays(1)));
            ids.put("sessionToClose", session(sessions, today.minusDays(2)));
            ids.put("sessionToMove", session(sessions, today.plusDays(10)));
            ids.put("sessionToCancel", session(sessions, today.plusDays(11)));
            ids.put("sessionForDuty", session(sessions, today.plusDays(12)));
            ids.put("sessionWithDuty", session(sessions, today.plusDays(13)));
            ids.put("sessionDutyToCancel", session(sessions, today.plusDays(14)));
            for (String session : new String[] { "sessionWithDuty", "sessionDutyToCancel" }) {
                created("/api/legal-aid-night-market/sessions/" + ids.get(session) + "/duty", "{\"lawyerId\":" + ids.get("lawyer") + "}");
            }
            ids.put("consultation", created("/api/legal-aid-night-market/sessions/" + ids.get("sessionPast") + "/consultations",
                    "{\"category\":\"loan_dispute\",\"visitor\":\"resident\",\"outcome\":\"follow_up\",\"contact\":\"13812345678\","
                            + "\"contactConsent\":true,\"followUpDue\":\"" + today + "\"}"));

            String stations = "/api/courier-stations/stations";
            ids.put("station", created(stations, station("春熙路骑手驿站")));
            ids.put("stationToDelete", created(stations, station("待拆驿站")));
            ids.put("stationToRecode", created(stations, station("换码驿站")));
            ids.put("checkinCode", ok(platform.getAsAdmin(stations + "/" + ids.get("station") + "/checkin-code")).json().get("code").asText());
            farmAid();
            byte[] demand = "lat,lon,weight\n30.6305,104.0518,3\n".getBytes(StandardCharsets.UTF_8);
            ids.put("coverage", id(platform.postAsAdmin("/api/courier-stations/coverage?name=demand", demand, "text/csv")));
            ids.put("coverageToDelete", id(platform.postAsAdmin("/api/courier-stations/coverage?name=old", demand, "text/csv")));
            return ids;
        }

        private void farmAid() {
            String farm = "/api/farm-aid-streaming";
            String village = "{\"name\":\"%s\",\"kind\":\"village\",\"node\":\"台州市/椒江区/大陈镇\",\"contactName\":\"陈海东\",\"contactPhone\":\"13957600101\"}";
            ids.put("village", created(farm + "/villages", village.formatted("大陈岛村")));
            ids.put("villageToDelete", created(farm + "/villages", village.formatted("待撤村")));
            String product = "{\"villageId\":" + ids.get("village") + ",\"name\":\"%s\",\"category\":\"produce\",\"unit\":\"箱\",\"price\":45.00,"
                    + "\"stock\":300,\"seasonStart\":10,\"seasonEnd\":1}";
            ids.put("product", created(farm + "/products", product.formatted("前所蜜橘")));
            ids.put("productToDelete", created(farm + "/products", product.formatted("待下架蜜橘")));
            String streamer = "{\"handle\":\"%s\",\"realName\":\"张丽\",\"phone\":\"13812345678\",\"pioneer\":true,"
                    + "\"accounts\":[{\"platform\":\"douyin\",\"accountId\":\"dy%s\",\"followers\":128000}],\"categories\":[\"produce\"],"
                    + "\"availability\":[\"Daily 00:00-24:00\"]}";
            ids.put("streamer", created(farm + "/streamers", streamer.formatted("椒江小鲜", "1001")));
            ids.put("streamerToDelete", created(farm + "/streamers", streamer.formatted("待删主播", "1002")));
            ids.put("streamerToEnrol", created(farm + "/streamers", streamer.formatted("报名主播", "1003")));
            String otherStreamer = created(farm + "/streamers", streamer.formatted("退课主播", "1004"));
            java.time.LocalDateTime now = java.time.LocalDateTime.now(CITY).withSecond(0).withNano(0);
            String live = "{\"streamerId\":" + ids.get("streamer") + ",\"platform\":\"douyin\",\"villageId\":" + ids.get("village")
                    + ",\"scheduledAt\":\"%s\",\"minutes\":60,\"productIds\":[" + ids.get("product") + "]}";
            ids.put("liveSession", created(farm + "/sessions", live.formatted(now.plusDays(9).withHour(20).withMinute(0))));
            ids.put("liveSessionToCancel", created(farm + "/sessions", live.formatted(now.plusDays(10).withHour(20).withMinute(0))));
            ids.put("liveSessionNow", created(farm + "/sessions", live.formatted(now.minusMinutes(10))));
            ids.put("liveSessionDone", created(farm + "/sessions", live.formatted(now.minusHours(5))));
            String course = farm + "/courses";
            ids.put("course", created(course, "{\"title\":\"直播带货公益培训\",\"organiser\":\"椒江区人社局\",\"hours\":24}"));
            ids.put("courseToDelete", created(course, "{\"title\":\"待撤课程\",\"organiser\":\"椒江区人社局\",\"hours\":8}"));
            String classes = course + "/" + ids.get("course") + "/sessions";
            String lesson = "{\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"place\":\"椒江区新就业群体服务中心\",\"capacity\":50}";
            ids.put("courseSession", created(classes, lesson.formatted(now.minusHours(1), now.plusDays(1))));
            ids.put("laterCourseSession", created(classes, lesson.formatted(now.plusDays(20), now.plusDays(21))));
            ids.put("courseSessionToDelete", created(classes, lesson.formatted(now.plusDays(30), now.plusDays(31))));
            String enrolments = farm + "/course-sessions/" + ids.get("courseSession") + "/enrolments";
            ids.put("enrolment", created(enrolments, "{\"streamerId\":" + ids.get("streamer") + "}"));
            ids.put("enrolmentToWithdraw", created(enrolments, "{\"streamerId\":" + otherStreamer + "}"));
            Reply impact = platform.putAsAdmin(farm + "/villages/" + ids.get("village") + "/impact/" + ids.get("lastMonth"),
                    "{\"villagersEmployed\":8,\"incomeChangePerPerson\":12000.00}");
            if (impact.status() != 200) {
                throw new AssertionError("a record the examples need was not made: " + impact);
            }
        }

        private String lawyer(String name, String licence) {
            return "{\"name\":\"" + name + "\",\"licenceNo\":\"" + licence + "\",\"firmId\":" + ids.get("firm")
                    + ",\"specialties\":[\"contract\"],\"languages\":[\"普通话\"],\"phone\":\"13812345678\",\"availability\":" + EVERY_DAY + "}";
        }

        private static String station(String name) {
            return "{\"name\":\"" + name + "\",\"kind\":\"rider\",\"address\":\"成都市锦江区春熙路 51 号\",\"district\":\"成都市/锦江区\","
                    + "\"lat\":30.6492,\"lon\":104.0772,\"services\":[\"drinking_water\",\"toilet\"],\"hours\":[\"24h\"]}";
        }

        private String session(String sessions, LocalDate date) {
            return created(sessions, "{\"date\":\"" + date + "\",\"start\":\"19:00\",\"end\":\"21:30\"}");
        }

        private String created(String path, String json) {
            return id(platform.postAsAdmin(path, json));
        }

        private static String id(Reply reply) {
            if (reply.status() != 201) {
                throw new AssertionError("a record the examples need was not made: " + reply);
            }
            return reply.json().get("id").asText();
        }

        private static Reply ok(Reply reply) {
            if (reply.status() != 200) {
                throw new AssertionError("a record the examples need was not read: " + reply);
            }
            return reply;
        }
    }
}
