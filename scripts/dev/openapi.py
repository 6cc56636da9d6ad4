# Writes Sources/RapportApp/Resources/openapi.json: python3 scripts/dev/openapi.py > Sources/RapportApp/Resources/openapi.json
# The JSON is the contract; RoleMatrixTests fails when it and the registered routes differ.
import json
def obj(req, props): return {"type":"object","required":req,"properties":props}
ref=lambda n: {"$ref": f"#/components/schemas/{n}"}
def page(item): return {"type":"object","required":["items"],"properties":{"items":{"type":"array","items":ref(item)},"nextCursor":{"type":["string","null"]}}}
problem={"description":"Problem","content":{"application/problem+json":{"schema":ref("Problem")}}}
def resp(code, schema, desc="OK"):
    r={str(code):{"description":desc,"content":{"application/json":{"schema":schema}}}}
    for c,d in [("400","Malformed request"),("401","No or bad API token"),("403","Role lacks permission"),("404","Not found"),("422","Invalid field values")]:
        r[c]={"description":d,"content":{"application/problem+json":{"schema":ref("Problem")}}}
    return r
gone={"description":"The person was merged into another: mergedInto names the survivor","content":{"application/problem+json":{"schema":ref("Problem")}}}
def nocontent():
    r=resp(200,{})
    del r["200"]
    r["204"]={"description":"Deleted"}
    return r
def body(name): return {"required":True,"content":{"application/json":{"schema":ref(name)}}}
idp=lambda n="id",d="Identifier": {"name":n,"in":"path","required":True,"schema":{"type":"string"},"description":d}
q=lambda n,d,enum=None: {"name":n,"in":"query","required":False,"schema":({"type":"string","enum":enum} if enum else {"type":"string"}),"description":d}
paging=[{"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":200,"default":50}},q("cursor","Opaque cursor from the previous page's nextCursor")]
def op(summary, perm, responses, params=None, rb=None, tag="people"):
    o={"summary":summary,"tags":[tag],"x-rapport-permission":perm,"responses":responses}
    if params: o["parameters"]=params
    if rb: o["requestBody"]=rb
    return o
str_=lambda: {"type":["string","null"]}
S={"type":"string"}
kinds=["web","call_centre","mail","point_of_sale","survey","returns","warranty_card","batch_file","partner","social","api"]
attrs=["externalID","loyaltyCard","givenName","familyName","birthDate","gender","language","email","phone","postal"]
channels=["phone","email","web","mail","in_person","social","sms","chat"]
paths={
 "/api/v1/people":{
   "get":op("List and search people","people:read",resp(200,page("Person")),paging+[q("q","Name prefix, e-mail, phone or person ID"),q("country","ISO 3166 code"),q("householdID","Household ID"),q("organisationID","Organisation ID"),q("status","Status (merged people are listed only with status=merged)",["active","suppressed_deceased","suppressed_undeliverable","suppressed_on_request","merged"]),q("sort","Sort order",["name","-name","created","-created","updated","-updated"])]),
   "post":op("Create a person","people:write",resp(201,ref("Person"),"Created"),rb=body("PersonDraft"))},
 "/api/v1/people/import":{"post":op("Import people from CSV, all or nothing","people:write",resp(201,{"type":"object","properties":{"imported":{"type":"integer"},"contactPoints":{"type":"integer"}}},"Created"),rb={"required":True,"description":"UTF-8 CSV with a header of: givenName, familyName, birthDate, gender, language, country, email, phone (snake_case and first_name/last_name/surname also accepted). At most 10 000 rows. Any bad row rejects the whole file with errors named rows[LINE].field.","content":{"text/csv":{"schema":{"type":"string"}}}})},
 "/api/v1/people/{id}":{
   "get":op("Read a person (a merged person's ID answers 410 person_merged with mergedInto, the survivor's ID)","people:read",{**resp(200,ref("Person")),"410":gone},[idp()]),
   "patch":op("Update a person (JSON merge patch)","people:write",resp(200,ref("Person")),[idp()],body("PersonPatch"))},
 "/api/v1/people/{id}/360":{"get":op("Customer 360 view (410 person_merged with mergedInto for a merged person's ID)","people:read",{**resp(200,ref("CustomerView")),"410":gone},[idp()])},
 "/api/v1/people/{id}/contact-points":{
   "get":op("A person's contact points with history","people:read",resp(200,{"type":"array","items":ref("ContactPoint")}),[idp()]),
   "post":op("Add a contact point","people:write",resp(201,ref("ContactPoint"),"Created"),[idp()],body("ContactPointDraft"))},
 "/api/v1/people/{id}/attributes/{key}":{"put":op("Set an attribute value","people:write",resp(200,{"type":"object","properties":{"key":S,"value":S}}),[idp(),idp("key","Attribute key")],{"required":True,"content":{"application/json":{"schema":{"type":"object","required":["value"],"properties":{"value":{}}}}}})},
 "/api/v1/organisations":{
   "get":op("List and search organisations","organisations:read",resp(200,page("Organisation")),paging+[q("q","Name prefix"),q("kind","Kind",["customer","prospect","reseller","dealer","agent","wholesaler","partner","supplier"])],tag="organisations"),
   "post":op("Create an organisation","organisations:write",resp(201,ref("Organisation"),"Created"),rb=body("OrganisationDraft"),tag="organisations")},
 "/api/v1/organisations/{id}":{
   "get":op("Read an organisation","organisations:read",resp(200,ref("Organisation")),[idp()],tag="organisations"),
   "patch":op("Update an organisation","organisations:write",resp(200,ref("Organisation")),[idp()],body("OrganisationDraft"),tag="organisations")},
 "/api/v1/organisations/{id}/people":{
   "get":op("People with a role at the organisation","people:read",resp(200,page("Person")),[idp()]+paging,tag="organisations"),
   "post":op("Give a person a role at the organisation","organisations:write",resp(201,ref("Membership"),"Created"),[idp()],body("MembershipDraft"),tag="organisations")},
 "/api/v1/households":{"get":op("List households","people:read",resp(200,page("Household")),paging)},
 "/api/v1/households/{id}":{"get":op("A household and its members","people:read",resp(200,{"type":"object","properties":{"household":ref("Household"),"members":{"type":"array","items":ref("Person")}}}),[idp()])},
 "/api/v1/interactions":{
   "get":op("List interactions, newest first","activity:read",resp(200,page("Interaction")),paging+[q("personID","Person ID"),q("channel","Channel",channels)],tag="activity"),
   "post":op("Record an interaction","activity:write",resp(201,ref("Interaction"),"Created"),rb=body("InteractionDraft"),tag="activity")},
 "/api/v1/interactions/{id}":{"get":op("Read an interaction","activity:read",resp(200,ref("Interaction")),[idp()],tag="activity")},
 "/api/v1/purchases":{
   "get":op("List purchases and returns, newest first","activity:read",resp(200,page("Purchase")),paging+[q("personID","Person ID"),q("organisationID","Organisation ID"),q("kind","Kind",["purchase","return"])],tag="activity"),
   "post":op("Record a purchase or return","activity:write",resp(201,ref("Purchase"),"Created"),rb=body("PurchaseDraft"),tag="activity")},
 "/api/v1/purchases/{id}":{"get":op("Read a purchase","activity:read",resp(200,ref("Purchase")),[idp()],tag="activity")},
 "/api/v1/attributes":{
   "get":op("Attribute definitions","people:read",resp(200,{"type":"array","items":ref("AttributeDefinition")}),tag="attributes"),
   "post":op("Define an attribute","attributes:manage",resp(201,ref("AttributeDefinition"),"Created"),rb=body("AttributeDefinitionDraft"),tag="attributes")},
 "/api/v1/value/refit":{"post":op("Refit the customer-value models (BG/NBD + Gamma-Gamma per currency) and rescore everyone","value:manage",resp(200,{"type":"array","items":obj(["currency","customers","repeatBuyers"],{"currency":S,"customers":{"type":"integer"},"repeatBuyers":{"type":"integer"},"purchaseModel":{"type":["object","null"]},"spendModel":{"type":["object","null"]},"logLikelihood":{"type":["number","null"]},"problem":{"type":["string","null"]},"holdout":ref("HoldoutValidation")})}),tag="value")},
 "/api/v1/value/models":{"get":op("The latest fitted value model of each currency: parameters, fit time, calibration end and the holdout validation (predicted vs actual repeat purchases, in total and by calibration purchases 0, 1, …, 7+)","analytics:read",resp(200,{"type":"array","items":ref("ValueModel")}),tag="value")},
 "/api/v1/touchpoints":{
   "get":op("Registered touchpoints, most trusted first","people:read",resp(200,{"type":"array","items":ref("Touchpoint")}),tag="ingestion"),
   "post":op("Register a touchpoint","touchpoints:manage",resp(201,ref("Touchpoint"),"Created"),rb=body("TouchpointDraft"),tag="ingestion")},
 "/api/v1/touchpoints/{id}":{
   "get":op("Read a touchpoint","people:read",resp(200,ref("Touchpoint")),[idp()],tag="ingestion"),
   "patch":op("Change a touchpoint (absent fields are kept)","touchpoints:manage",resp(200,ref("Touchpoint")),[idp()],body("TouchpointDraft"),tag="ingestion")},
 "/api/v1/touchpoints/{id}/records":{"post":op("Ingest one record: kept raw, then matched to a person, a new person created, or quarantined with reasons (201 created, 200 matched, 202 quarantined)","people:write",{**resp(200,ref("IngestionResult"),"Matched"),"201":{"description":"Created","content":{"application/json":{"schema":ref("IngestionResult")}}},"202":{"description":"Quarantined","content":{"application/json":{"schema":ref("IngestionResult")}}}},[idp()],body("IngestRecord"),tag="ingestion")},
 "/api/v1/touchpoints/{id}/records/batch":{"post":op("Ingest up to 1000 records, each in a transaction of its own; per-record outcomes in order","people:write",resp(200,obj(["results","matched","created","quarantined"],{"results":{"type":"array","items":ref("IngestionResult")},"matched":{"type":"integer"},"created":{"type":"integer"},"quarantined":{"type":"integer"}})),[idp()],{"required":True,"content":{"application/json":{"schema":{"type":"array","maxItems":1000,"items":ref("IngestRecord")}}}},tag="ingestion")},
 "/api/v1/touchpoints/{id}/events":{"post":op("Event stream: NDJSON, one record per line, read as it arrives (never collected whole); each line kept raw (lineage 'events ID line N'), matched, created or quarantined, in transactions of 200 lines. Answers with the counts, every quarantined line number and, for up to 1000 lines, each line's outcome","people:write",resp(200,obj(["stream","lines","matched","created","quarantined","quarantinedLines"],{"stream":S,"lines":{"type":"integer"},"matched":{"type":"integer"},"created":{"type":"integer"},"quarantined":{"type":"integer"},"quarantinedLines":{"type":"array","items":{"type":"integer"}},"results":{"type":"array","description":"Absent for streams of more than 1000 lines","items":obj(["line","result"],{"line":{"type":"integer"},"result":ref("IngestionResult")})}})),[idp()],{"required":True,"description":"One JSON record (IngestRecord) per line; blank lines are skipped but counted","content":{"application/x-ndjson":{"schema":S}}},tag="ingestion")},
 "/api/v1/quarantine":{"get":op("Quarantined records, newest first","touchpoints:manage",resp(200,page("QuarantineItem")),paging+[q("touchpointID","Touchpoint ID"),q("status","Status",["open","replayed","discarded"])],tag="ingestion")},
 "/api/v1/quarantine/{id}":{"get":op("Read a quarantined record with its reasons","touchpoints:manage",resp(200,ref("QuarantineItem")),[idp()],tag="ingestion")},
 "/api/v1/quarantine/{id}/replay":{"post":op("Replay a corrected record; the original raw record is kept and the corrected one points to it","touchpoints:manage",resp(200,obj(["item","result"],{"item":ref("QuarantineItem"),"result":ref("IngestionResult")})),[idp()],body("IngestRecord"),tag="ingestion")},
 "/api/v1/quarantine/{id}/discard":{"post":op("Discard a quarantined record with a reason (the raw record is kept)","touchpoints:manage",resp(200,ref("QuarantineItem")),[idp()],{"required":True,"content":{"application/json":{"schema":obj(["reason"],{"reason":S})}}},tag="ingestion")},
 "/api/v1/reviews":{"get":op("Clerical-review queue: pairs the match model was unsure of, most probable first","identity:resolve",resp(200,page("MatchReview")),paging+[q("status","Status (default open)",["open","accepted","rejected","obsolete"])],tag="identity")},
 "/api/v1/reviews/{id}":{"get":op("A review with both people's current profiles, contact points and sources, and the per-field evidence","identity:resolve",resp(200,obj(["review","person","candidate"],{"review":ref("MatchReview"),"person":ref("ReviewedPerson"),"candidate":ref("ReviewedPerson")})),[idp()],tag="identity")},
 "/api/v1/reviews/{id}/accept":{"post":op("Accept: merge the review's person into its candidate (the older person survives) with the stored explanation; 409 if already decided","identity:resolve",resp(200,obj(["review","merge"],{"review":ref("MatchReview"),"merge":ref("PersonMerge")})),[idp()],{"required":False,"content":{"application/json":{"schema":obj([],{"note":S})}}},tag="identity")},
 "/api/v1/reviews/{id}/reject":{"post":op("Reject: the two are different people (kept in distinct_people, never proposed or merged again); 409 if already decided","identity:resolve",resp(200,ref("MatchReview")),[idp()],{"required":False,"content":{"application/json":{"schema":obj([],{"note":S})}}},tag="identity")},
 "/api/v1/people/{id}/merge":{"post":op("Merge another person into this one: everything of theirs moves here, they stay as 'merged' (their ID answers 410 with mergedInto); 409 if either is merged already or they were declared different people","identity:resolve",resp(201,ref("PersonMerge"),"Created"),[idp()],{"required":True,"content":{"application/json":{"schema":obj(["absorb"],{"absorb":{"type":"string","description":"ID of the person to absorb"}})}}},tag="identity")},
 "/api/v1/people/{id}/merges":{"get":op("Every merge the person took part in, as survivor or absorbed, newest first","identity:resolve",resp(200,{"type":"array","items":ref("PersonMerge")}),[idp()],tag="identity")},
 "/api/v1/merges/{id}/unmerge":{"post":op("Undo a merge: the absorbed person is back with exactly their rows, keys and lineage; rows added to the survivor since stay. 409 if already undone or the survivor was merged again later (the error names that merge)","identity:resolve",resp(200,ref("PersonMerge")),[idp()],tag="identity")},
 "/api/v1/resolution/model":{"get":op("The match model loose matching uses: origin (fitted on the stored people by `rapport resolve fit`, or standard), prior and thresholds","identity:resolve",resp(200,ref("MatchModel")),tag="identity")},
 "/api/v1/resolution/thresholds":{"put":op("Set the match and review thresholds (probabilities, 0 < review <= match < 1); audited, used by the next arriving record","identity:resolve",resp(200,ref("MatchModel")),rb={"required":True,"content":{"application/json":{"schema":obj(["match","review"],{"match":{"type":"number"},"review":{"type":"number"}})}}},tag="identity")},
 "/api/v1/segments":{
   "get":op("Saved segments, by key","people:read",resp(200,{"type":"array","items":ref("Segment")}),tag="segments"),
   "post":op("Create a segment: dynamic (a rule, evaluated on the current data whenever used) or frozen (the people a rule selects now, or a list of personIDs)","segments:manage",resp(201,ref("Segment"),"Created"),rb=body("SegmentDraft"),tag="segments")},
 "/api/v1/segments/preview":{"post":op("Size and value of what a rule selects now, without saving it; a bad rule is a 422 whose errors give line, column and path","segments:manage",resp(200,ref("SegmentPreview")),rb=body("SegmentPreviewRequest"),tag="segments")},
 "/api/v1/segments/{key}":{
   "get":op("A segment with its current size","people:read",resp(200,ref("Segment")),[idp("key","Segment key")],tag="segments"),
   "patch":op("Change a segment's name, description, purpose or rule (JSON merge patch)","segments:manage",resp(200,ref("Segment")),[idp("key","Segment key")],body("SegmentPatch"),tag="segments"),
   "delete":op("Delete a segment no other segment refers to","segments:manage",nocontent(),[idp("key","Segment key")],tag="segments")},
 "/api/v1/segments/{key}/members":{"get":op("The segment's members now, in id order","people:read",resp(200,page("Person")),[idp("key","Segment key")]+paging,tag="segments")},
 "/api/v1/people/{id}/segments":{"get":op("The saved segments the person belongs to now (segments of one)","people:read",resp(200,{"type":"array","items":ref("SegmentMembership")}),[idp()],tag="segments")},
 "/api/v1/segments/{key}/freeze":{"post":op("Freeze a dynamic segment's current members into a new frozen segment","segments:manage",resp(201,ref("Segment"),"Created"),[idp("key","Segment key")],{"required":False,"content":{"application/json":{"schema":obj([],{"key":str_(),"name":str_()})}}},tag="segments")},
 "/api/v1/offers":{
   "get":op("Offers and actions, by priority then key","people:read",resp(200,{"type":"array","items":ref("Offer")}),tag="offers"),
   "post":op("Create an offer or action targeting a contact segment (a reporting segment is refused: it may not select or personalise a contact)","segments:manage",resp(201,ref("Offer"),"Created"),rb=body("OfferDraft"),tag="offers")},
 "/api/v1/offers/{key}":{
   "get":op("An offer or action","people:read",resp(200,ref("Offer")),[idp("key","Offer key")],tag="offers"),
   "patch":op("Change an offer or action (JSON merge patch; the key is fixed)","segments:manage",resp(200,ref("Offer")),[idp("key","Offer key")],body("OfferPatch"),tag="offers"),
   "delete":op("Delete an offer or action","segments:manage",nocontent(),[idp("key","Offer key")],tag="offers")},
 "/api/v1/people/{id}/offers":{"get":op("The active, currently valid offers and actions whose segment holds the person now, by priority then value (segments of one)","people:read",resp(200,{"type":"array","items":ref("PersonOffer")}),[idp()],tag="offers")},
 "/api/v1/audit":{"get":op("Audit trail, newest first","audit:read",resp(200,{"type":"array","items":ref("AuditEntry")}),[{"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":200}},q("entityID","Record ID"),q("actor","Username"),q("before","Entry ID to page from")],tag="audit")},
}
money={"type":"object","required":["minorUnits","currency"],"properties":{"minorUnits":{"type":"integer"},"currency":S}}
def obj(req, props): return {"type":"object","required":req,"properties":props}
schemas={
 "Problem":obj(["type","title","status","detail","code"],{"type":S,"title":S,"status":{"type":"integer"},"detail":S,"code":S,"mergedInto":{"type":"string","description":"410 person_merged: the person this ID was merged into"},"errors":{"type":"array","items":obj(["field","code","message"],{"field":S,"code":S,"message":S,"line":{"type":"integer","description":"Segment rules: 1-based line of the problem in rule text"},"column":{"type":"integer","description":"Segment rules: 1-based column (characters)"},"offset":{"type":"integer","description":"Segment rules: 0-based character offset"},"path":{"type":"string","description":"Segment rules: the node in the JSON form, such as and[1].value"},"ruleField":{"type":"string","description":"Segment rules: the rule field the problem is about"}})}}),
 "MatchReview":obj(["id","personID","candidateID","probability","totalWeight","origin","status","createdAt"],{"id":S,"personID":S,"candidateID":S,"rawRecordID":S,"probability":{"type":"number"},"totalWeight":{"type":"number"},"origin":{"enum":["ingestion","batch"]},"status":{"enum":["open","accepted","rejected","obsolete"]},"createdAt":S,"decidedAt":S,"decidedBy":S,"note":S,"explanation":ref("MatchExplanation"),"summary":S}),
 "MatchExplanation":obj(["recordA","recordB","fields","priorWeight","totalWeight","probability"],{"recordA":S,"recordB":S,"fields":{"type":"array","items":obj(["field","level","levelName","valueA","valueB","weight","termFrequencyAdjusted"],{"field":{"type":"integer","description":"ComparedField: 0 given name, 1 surname, 2 date of birth, 3 street number, 4 street, 5 locality, 6 city, 7 postcode, 8 state, 9 email, 10 phone, 11 national ID"},"level":{"type":"integer"},"levelName":S,"valueA":S,"valueB":S,"weight":{"type":"number"},"termFrequencyAdjusted":{"type":"boolean"}})},"priorWeight":{"type":"number"},"totalWeight":{"type":"number"},"probability":{"type":"number"}}),
 "ReviewedPerson":obj(["person","contactPoints","sources"],{"person":ref("Person"),"contactPoints":{"type":"array","items":ref("ContactPoint")},"sources":{"type":"array","items":S},"mergedInto":S}),
 "MatchModel":obj(["origin","recordCount","prior","iterations","matchThreshold","reviewThreshold"],{"id":S,"origin":{"enum":["fitted","standard"]},"fittedAt":S,"recordCount":{"type":"integer"},"prior":{"type":"number"},"iterations":{"type":"integer"},"matchThreshold":{"type":"number"},"reviewThreshold":{"type":"number"}}),
 "PersonMerge":obj(["id","survivorID","absorbedID","reason","mergedBy","mergedAt","ledger"],{"id":S,"survivorID":S,"absorbedID":S,"reason":{"enum":["manual","review_accepted","batch"]},"reviewID":S,"mergedBy":S,"mergedAt":S,"undoneAt":S,"undoneBy":S,"explanation":ref("MatchExplanation"),"summary":S,"ledger":obj(["moved","kept","filledFields","absorbedStatus","obsoleteReviews"],{"moved":{"type":"object","description":"Row keys moved to the survivor, per table","additionalProperties":{"type":"array","items":{"type":"array","items":S}}},"kept":{"type":"object","description":"Row keys the absorbed person kept as duplicates of the survivor's, per table","additionalProperties":{"type":"array","items":{"type":"array","items":S}}},"filledFields":{"type":"array","items":S},"absorbedStatus":S,"obsoleteReviews":{"type":"array","items":S}})}),
 "Person":obj(["id","status","createdAt","updatedAt"],{"id":S,"householdID":S,"givenName":S,"familyName":S,"birthDate":{"type":"string","format":"date"},"gender":{"enum":["female","male","other"]},"language":S,"country":S,"status":S,"ownerUserID":S,"createdAt":{"type":"string","format":"date-time"},"updatedAt":{"type":"string","format":"date-time"}}),
 "PersonDraft":obj([],{k:str_() for k in ["givenName","familyName","birthDate","gender","language","country","householdID","ownerUserID"]}),
 "PersonPatch":obj([],{k:str_() for k in ["givenName","familyName","birthDate","gender","language","country","householdID","ownerUserID","status"]}),
 "Household":obj(["id","name","createdAt"],{"id":S,"name":S,"createdAt":S}),
 "Organisation":obj(["id","name","kind","createdAt","updatedAt"],{"id":S,"name":S,"kind":S,"parentID":S,"resellerOfID":S,"country":S,"registrationNumber":S,"createdAt":S,"updatedAt":S}),
 "OrganisationDraft":obj([],{k:str_() for k in ["name","kind","parentID","resellerOfID","country","registrationNumber"]}),
 "Membership":obj(["personID","organisationID","role"],{"personID":S,"organisationID":S,"role":S,"since":S,"until":S}),
 "MembershipDraft":obj(["personID","role"],{"personID":S,"role":S,"since":str_(),"until":str_()}),
 "Address":obj(["line1","city","country"],{"line1":S,"line2":S,"city":S,"postcode":S,"region":S,"country":S}),
 "ContactPoint":obj(["id","kind","value","normalized","isPrimary","createdAt"],{"id":S,"personID":S,"organisationID":S,"kind":{"enum":["email","phone","postal"]},"value":S,"normalized":S,"label":S,"address":ref("Address"),"validFrom":S,"validTo":S,"isPrimary":{"type":"boolean"},"sourceID":S,"createdAt":S}),
 "ContactPointDraft":obj(["kind"],{"kind":{"enum":["email","phone","postal"]},"value":str_(),"label":str_(),"address":{"type":["object","null"],"properties":{k:str_() for k in ["line1","line2","city","postcode","region","country"]}},"validFrom":str_(),"validTo":str_(),"isPrimary":{"type":["boolean","null"]},"country":str_()}),
 "Interaction":obj(["id","personID","channel","direction","outcome","occurredAt"],{"id":S,"personID":S,"organisationID":S,"channel":{"enum":channels},"direction":{"enum":["inbound","outbound"]},"staffUserID":S,"staffName":S,"outcome":S,"subject":S,"notes":S,"occurredAt":S,"durationSeconds":{"type":"integer"},"sourceID":S}),
 "InteractionDraft":obj(["personID","channel","direction","outcome"],{**{k:str_() for k in ["personID","organisationID","channel","direction","staffName","outcome","subject","notes","occurredAt"]},"durationSeconds":{"type":["integer","null"],"minimum":0,"maximum":86400}}),
 "PurchaseLine":obj(["product","quantity","amount","margin"],{"product":S,"brand":S,"quantity":{"type":"integer"},"amount":money,"margin":money}),
 "Purchase":obj(["id","kind","occurredAt","total","margin","lines"],{"id":S,"personID":S,"organisationID":S,"kind":{"enum":["purchase","return"]},"channel":S,"occurredAt":S,"total":money,"margin":money,"reference":S,"sourceID":S,"lines":{"type":"array","items":ref("PurchaseLine")}}),
 "PurchaseDraft":obj(["currency","lines"],{"personID":str_(),"organisationID":str_(),"kind":str_(),"channel":str_(),"occurredAt":str_(),"currency":S,"reference":str_(),"lines":{"type":"array","items":obj(["product","amount"],{"product":S,"brand":str_(),"quantity":{"type":"integer"},"amount":{"type":"number"},"margin":{"type":"number"}})}}),
 "AttributeDefinition":obj(["id","key","label","type","choices","purpose","createdAt"],{"id":S,"key":S,"label":S,"type":{"enum":["text","number","date","boolean","choice","multi_choice"]},"choices":{"type":"array","items":S},"purpose":{"enum":["contact","analytics"]},"createdAt":S}),
 "AttributeDefinitionDraft":obj(["key","label","type"],{"key":S,"label":S,"type":S,"choices":{"type":"array","items":S},"purpose":str_()}),
 "AuditEntry":obj(["id","at","actorName","action","entityType","entityID"],{"id":S,"at":S,"actorUserID":S,"actorName":S,"action":S,"entityType":S,"entityID":S,"detail":S}),
 "Touchpoint":obj(["id","name","kind","trustRank","allowedAttributes","createdAt"],{"id":S,"name":S,"kind":{"enum":kinds},"trustRank":{"type":"integer"},"allowedAttributes":{"type":"array","items":S},"createdAt":S}),
 "TouchpointDraft":obj([],{"name":str_(),"kind":{"enum":kinds+[None]},"trustRank":{"type":["integer","null"],"minimum":1,"maximum":100},"allowedAttributes":{"type":["array","null"],"items":{"type":"string","description":"One of: "+", ".join(attrs)+", or a defined attribute key"}}}),
 "IngestRecord":obj([],{**{k:str_() for k in attrs if k!="postal"},"address":{"type":["object","null"],"properties":{k:str_() for k in ["line1","line2","city","postcode","region","country"]}},"country":str_(),"attributes":{"type":["object","null"]}}),
 "IngestionResult":obj(["rawRecordID","outcome","reasons","reviewIDs"],{"rawRecordID":S,"outcome":{"enum":["matched","created","quarantined"]},"personID":S,"quarantineID":S,"reasons":{"type":"array","items":obj(["field","code","message"],{"field":S,"code":S,"message":S})},"matchReason":S,"reviewIDs":{"type":"array","description":"Clerical reviews (match_reviews) opened for this record: the new person may be one of these existing people (loose matching, grey zone)","items":S}}),
 "QuarantineItem":obj(["id","rawRecordID","sourceID","payload","reasons","status","createdAt"],{"id":S,"rawRecordID":S,"sourceID":S,"payload":S,"reasons":{"type":"array","items":obj(["field","code","message"],{"field":S,"code":S,"message":S})},"status":{"enum":["open","replayed","discarded"]},"createdAt":S,"resolvedAt":S,"resolvedBy":S,"note":S,"replayRawRecordID":S}),
 "CustomerView":obj(["person","householdMembers","memberships","contactPoints","purchases","interactions","attributes","value","predictedValue","channelMix"],{"person":ref("Person"),"household":ref("Household"),"householdMembers":{"type":"array","items":ref("Person")},"memberships":{"type":"array","items":obj(["organisation","role"],{"organisation":ref("Organisation"),"role":S,"since":S,"until":S})},"contactPoints":{"type":"array","items":ref("ContactPoint")},"purchases":{"type":"array","items":ref("Purchase")},"interactions":{"type":"array","items":ref("Interaction")},"attributes":{"type":"array","items":obj(["key","label","value","purpose"],{"key":S,"label":S,"value":S,"purpose":S,"provenance":{"type":["string","null"],"description":"Where an appended value came from: from SOURCE (FILE line N), DAY"}})},"householdLinks":{"type":"array","description":"Why the person is in their household: the links joining them to its members","items":obj(["personID","name","reason"],{"personID":S,"name":S,"reason":S})},"predictedValue":{"type":"array","items":obj(["personID","currency","frequency","probabilityAlive","expectedPurchases","horizonWeeks","expectedSpend","lifetimeValue","months","fittedAt"],{"personID":S,"currency":S,"frequency":{"type":"integer"},"probabilityAlive":{"type":"number"},"expectedPurchases":{"type":"number"},"horizonWeeks":{"type":"number"},"expectedSpend":money,"lifetimeValue":money,"months":{"type":"integer"},"fittedAt":S})},"value":obj(["purchases","returns","revenue","margin"],{"purchases":{"type":"integer"},"returns":{"type":"integer"},"revenue":{"type":"array","items":money},"margin":{"type":"array","items":money},"firstPurchase":S,"lastPurchase":S}),"channelMix":{"type":"array","items":obj(["channel","count"],{"channel":S,"count":{"type":"integer"}})},"suppressions":{"type":"array","items":ref("Suppression")}}),
 "Segment":obj(["id","key","name","purpose","kind","createdBy","createdAt","updatedBy","updatedAt"],{"id":S,"key":S,"name":S,"description":S,"purpose":{"enum":["contact","reporting"]},"kind":{"enum":["dynamic","frozen"]},"rule":{"type":"string","description":"The rule in canonical text"},"ruleJSON":ref("SegmentRule"),"frozenFrom":S,"size":{"type":"integer","description":"Members now (GET of one segment only)"},"createdBy":S,"createdAt":S,"updatedBy":S,"updatedAt":S}),
 "SegmentMembership":obj(["key","name","purpose","kind"],{"key":S,"name":S,"purpose":{"enum":["contact","reporting"]},"kind":{"enum":["dynamic","frozen"]}}),
 "SegmentRule":{"description":"A rule in JSON form: {\"and\": [rules]}, {\"or\": [rules]}, {\"not\": rule}, {\"segment\": \"key\"} or a condition {\"field\": \"spend\", \"op\": \">=\", \"value\": 100} (lists and between take \"values\"; a condition without op is a yes/no field). Values: strings, numbers, booleans, {\"date\": \"2026-01-31\"}, {\"ago\": 30, \"unit\": \"days\"}.","type":"object"},
 "SegmentRuleInput":{"description":"Rule text (spend >= 100 and country = \"PL\") or the JSON form","oneOf":[S,ref("SegmentRule")]},
 "SegmentDraft":obj(["key","name"],{"key":{"type":"string","pattern":"^[a-z0-9][a-z0-9_-]{0,63}$"},"name":S,"description":str_(),"purpose":{"enum":["contact","reporting"]},"kind":{"enum":["dynamic","frozen"]},"rule":ref("SegmentRuleInput"),"personIDs":{"type":"array","items":S,"description":"Frozen segments only: the member list"}}),
 "SegmentPatch":obj([],{"name":S,"description":str_(),"purpose":{"enum":["contact","reporting"]},"rule":ref("SegmentRuleInput")}),
 "Offer":obj(["id","key","name","kind","segment","priority","active","createdBy","createdAt","updatedBy","updatedAt"],{"id":S,"key":S,"name":S,"description":S,"kind":{"enum":["offer","action"]},"segment":{"type":"string","description":"Key of the contact segment targeted"},"channel":{"enum":channels},"value":money,"priority":{"type":"integer","description":"Lower first"},"validFrom":{"type":"string","format":"date"},"validTo":{"type":"string","format":"date"},"active":{"type":"boolean"},"createdBy":S,"createdAt":S,"updatedBy":S,"updatedAt":S}),
 "OfferDraft":obj(["key","name","kind","segment"],{"key":{"type":"string","pattern":"^[a-z][a-z0-9_]{0,63}$"},"name":S,"description":str_(),"kind":{"enum":["offer","action"]},"segment":S,"channel":{"enum":channels+[None]},"value":{"type":["number","null"],"minimum":0,"description":"Decimal amount in currency, such as 25.00"},"currency":{"type":["string","null"],"description":"ISO 4217 code; required with value"},"priority":{"type":["integer","null"],"minimum":0,"maximum":1000000,"default":100},"validFrom":{"type":["string","null"],"format":"date"},"validTo":{"type":["string","null"],"format":"date"},"active":{"type":["boolean","null"],"default":True}}),
 "OfferPatch":obj([],{"name":S,"description":str_(),"kind":{"enum":["offer","action"]},"segment":S,"channel":{"enum":channels+[None]},"value":{"type":["number","null"],"minimum":0},"currency":str_(),"priority":{"type":"integer","minimum":0,"maximum":1000000},"validFrom":{"type":["string","null"],"format":"date"},"validTo":{"type":["string","null"],"format":"date"},"active":{"type":"boolean"}}),
 "PersonOffer":obj(["offer","segment"],{"offer":ref("Offer"),"segment":ref("SegmentMembership")}),
 "SegmentPreviewRequest":obj(["rule"],{"rule":ref("SegmentRuleInput"),"purpose":{"enum":["contact","reporting"],"default":"contact"},"key":{"type":["string","null"],"description":"The key of the segment being edited, so a loop back to it is caught"}}),
 "BGNBDParameters":obj(["r","alpha","a","b"],{k:{"type":"number"} for k in ["r","alpha","a","b"]}),
 "GammaGammaParameters":obj(["p","q","gamma"],{k:{"type":"number"} for k in ["p","q","gamma"]}),
 "HoldoutValidation":{"description":"Predicted against actual repeat purchases in a holdout: BG/NBD fitted on the history up to calibrationEnd, checked on the purchases from then to holdoutEnd (39 weeks, or a third of a shorter history: see note). Without report, problem says why.","type":["object","null"],"properties":{"calibrationEnd":{"type":"string","format":"date"},"holdoutEnd":{"type":"string","format":"date"},"holdoutWeeks":{"type":"number"},"note":S,"purchaseModel":ref("BGNBDParameters"),"report":obj(["duration","totalPredicted","totalActual","groups"],{"duration":{"type":"number","description":"Holdout length in weeks"},"totalPredicted":{"type":"number"},"totalActual":{"type":"integer"},"groups":{"type":"array","description":"By calibration repeat purchases: 0, 1, …, 6, 7+","items":obj(["label","customers","predicted","actual"],{"label":S,"customers":{"type":"integer"},"predicted":{"type":"number","description":"Sum of E[Y(t) | x, tx, T] over the group"},"actual":{"type":"integer"}})}}),"problem":S}},
 "ValueModel":obj(["currency","fittedAt","calibrationEnd","customers"],{"currency":S,"fittedAt":S,"calibrationEnd":{"type":"string","format":"date","description":"Last day of the history the stored model was fitted on"},"customers":{"type":"integer"},"purchaseModel":ref("BGNBDParameters"),"spendModel":ref("GammaGammaParameters"),"holdout":ref("HoldoutValidation")}),
 "SegmentPreview":obj(["size","value","rule","explanation","dependsOnToday"],{"size":{"type":"integer"},"value":{"type":"array","items":obj(["currency","customers","revenue","margin"],{"currency":S,"customers":{"type":"integer"},"revenue":money,"margin":money,"averageCLV":money})},"rule":S,"explanation":{"type":"array","items":S},"dependsOnToday":{"type":"boolean"}}),
}
# Customer value per group (R4.1, R4.2, R4.4).
num={"type":"number"}
nnum={"type":["number","null"]}
day_={"type":["string","null"],"format":"date"}
schemas.update({
 "GroupValue":obj(["currencies"],{"currencies":{"type":"array","items":obj(["currency","buyers","purchases","returns","revenue","returned","netRevenue","margin"],{"currency":S,"buyers":{"type":"integer"},"purchases":{"type":"integer"},"returns":{"type":"integer"},"revenue":money,"returned":money,"netRevenue":money,"margin":money,"firstPurchase":day_,"lastPurchase":day_})}}),
 "ValueAssumptions":obj([],{"retentionRates":{"type":["array","null"],"items":{"type":"number","minimum":0,"maximum":1},"description":"Year-on-year retention from year 1 to 2 on; null estimates it from the purchase history"},"discountRate":{"type":"number","default":0.1},"years":{"type":"integer","minimum":1,"maximum":50,"default":5},"costRate":{"type":["number","null"],"minimum":0,"maximum":1,"description":"Variable cost share of revenue; null uses 1 − the observed margin rate"},"costPerCustomer":{"type":"object","additionalProperties":{"type":"number","minimum":0},"description":"Per ISO currency code, e.g. {\"PLN\": 20}; a currency without an amount costs 0"},"acquisitionCost":{"type":"object","additionalProperties":{"type":"number","minimum":0},"description":"Per ISO currency code, e.g. {\"PLN\": 150}"}}),
 "ValueAssumptionSetting":obj(["assumptions","configured"],{"segment":str_(),"assumptions":ref("ValueAssumptions"),"configured":{"type":"boolean"},"updatedBy":str_(),"updatedAt":str_()}),
 "ValueDrivers":obj(["buyers","purchases","netRevenue","margin","averageOrderValue","longevityMonths","marginPerMonth","revenuePerActiveYear","retention"],{"buyers":{"type":"integer"},"purchases":{"type":"integer"},"netRevenue":num,"margin":num,"firstDay":{"type":["integer","null"]},"lastDay":{"type":["integer","null"]},"averageOrderValue":num,"marginRate":nnum,"longevityMonths":num,"marginPerMonth":num,"revenuePerActiveYear":num,"retention":{"type":"array","items":obj(["year","basis"],{"year":{"type":"integer"},"basis":{"type":"integer"},"rate":nnum})}}),
 "LifetimeValueEstimate":obj(["table","inputs"],{"table":{"type":"object","description":"The NPV table: inputs, one row per year (active customers, retention, revenue, costs, gross profit, discount factor, present value, cumulative), netPresentValue and lifetimeValue"},"inputs":{"type":"array","items":obj(["name","values","origin"],{"name":S,"values":{"type":"array","items":num},"origin":{"enum":["history","configured","standard"]}})}}),
 "CurrencyValue":obj(["currency","drivers"],{"currency":S,"drivers":ref("ValueDrivers"),"lifetimeValue":ref("LifetimeValueEstimate"),"problem":str_()}),
 "SegmentValue":obj(["key","historic","currencies","assumptions"],{"key":S,"historic":ref("GroupValue"),"currencies":{"type":"array","items":ref("CurrencyValue")},"assumptions":ref("ValueAssumptionSetting")}),
 "PersonLifetimeValue":obj(["currency","basis"],{"currency":S,"basis":S,"segment":str_(),"lifetimeValue":ref("LifetimeValueEstimate"),"problem":str_()}),
})
paths.update({
 "/api/v1/households/{id}/value":{"get":op("The household's historic value per currency: purchases, returns, net revenue, margin, first and last purchase","people:read",resp(200,ref("GroupValue")),[idp()],tag="value")},
 "/api/v1/organisations/{id}/value":{"get":op("The organisation's historic value per currency","organisations:read",resp(200,ref("GroupValue")),[idp()],tag="value")},
 "/api/v1/segments/{key}/value":{"get":op("A segment's historic value, value drivers (margin per month, longevity, retention by year, acquisition cost) and lifetime value as NPV with its calculation","analytics:read",resp(200,ref("SegmentValue")),[idp("key","Segment key")],tag="value")},
 "/api/v1/segments/{key}/value-assumptions":{
   "put":op("Set the segment's own lifetime value assumptions (absent fields take the standard)","segments:manage",resp(200,ref("ValueAssumptionSetting")),[idp("key","Segment key")],body("ValueAssumptions"),tag="value"),
   "delete":op("Remove the segment's own assumptions (the default applies again)","segments:manage",nocontent(),[idp("key","Segment key")],tag="value")},
 "/api/v1/value/lifetime":{"get":op("Everyone's value drivers and lifetime value per currency, under the default assumptions","analytics:read",resp(200,obj(["assumptions","currencies"],{"assumptions":ref("ValueAssumptionSetting"),"currencies":{"type":"array","items":ref("CurrencyValue")}})),tag="value")},
 "/api/v1/value/assumptions":{"put":op("Set the default lifetime value assumptions","value:manage",resp(200,ref("ValueAssumptionSetting")),rb=body("ValueAssumptions"),tag="value")},
 "/api/v1/people/{id}/lifetime-value":{"get":op("The person's lifetime value as NPV in their main currency, under the assumptions of their segment (or the default); 404 before a first purchase","people:read",resp(200,ref("PersonLifetimeValue")),[idp()],tag="value")},
})
# Outbound webhooks (R10.2).
events=["person.created","person.updated","purchase.created","interaction.created","quarantine.created"]
schemas.update({
 "Webhook":obj(["id","url","events","active","createdBy","createdAt","updatedAt"],{"id":S,"url":{"type":"string","format":"uri"},"events":{"type":"array","items":{"enum":events}},"description":S,"active":{"type":"boolean"},"createdBy":S,"createdAt":S,"updatedAt":S}),
 "WebhookCreated":obj(["id","url","events","active","createdBy","createdAt","updatedAt","secret"],{"id":S,"url":{"type":"string","format":"uri"},"events":{"type":"array","items":{"enum":events}},"description":S,"active":{"type":"boolean"},"createdBy":S,"createdAt":S,"updatedAt":S,"secret":{"type":"string","description":"The signing secret, shown in this response only: Rapport-Signature is t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" keyed with it>"}}),
 "WebhookDraft":obj(["url","events"],{"url":{"type":"string","description":"Absolute http or https URL without credentials"},"events":{"type":"array","minItems":1,"items":{"enum":events}},"description":str_(),"active":{"type":["boolean","null"],"default":True}}),
 "WebhookPatch":obj([],{"url":str_(),"events":{"type":["array","null"],"items":{"enum":events}},"description":str_(),"active":{"type":["boolean","null"],"description":"false cancels the deliveries still pending"}}),
 "WebhookDelivery":obj(["id","subscriptionID","eventID","eventType","status","attempts","createdAt","log"],{"id":S,"subscriptionID":S,"eventID":S,"eventType":{"enum":events+["ping"]},"status":{"enum":["pending","succeeded","failed","cancelled"]},"attempts":{"type":"integer"},"nextAttemptAt":S,"createdAt":S,"completedAt":S,"log":{"type":"array","items":obj(["id","attemptedAt","durationMilliseconds"],{"id":S,"attemptedAt":S,"statusCode":{"type":"integer"},"error":S,"durationMilliseconds":{"type":"integer"}})}}),
})
paths.update({
 "/api/v1/webhooks":{
   "get":op("Webhook subscriptions (secrets are never listed)","webhooks:manage",resp(200,{"type":"array","items":ref("Webhook")}),tag="webhooks"),
   "post":op("Subscribe a receiver to events; the response carries the signing secret, once","webhooks:manage",resp(201,ref("WebhookCreated"),"Created"),rb=body("WebhookDraft"),tag="webhooks")},
 "/api/v1/webhooks/{id}":{
   "get":op("Read a subscription","webhooks:manage",resp(200,ref("Webhook")),[idp()],tag="webhooks"),
   "patch":op("Change a subscription (absent fields are kept)","webhooks:manage",resp(200,ref("Webhook")),[idp()],body("WebhookPatch"),tag="webhooks"),
   "delete":op("Delete a subscription with its delivery log","webhooks:manage",nocontent(),[idp()],tag="webhooks")},
 "/api/v1/webhooks/{id}/deliveries":{"get":op("The subscription's newest deliveries, each with every attempt (status code, error, duration)","webhooks:manage",resp(200,obj(["items"],{"items":{"type":"array","items":ref("WebhookDelivery")}})),[idp(),{"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":200,"default":50}}],tag="webhooks")},
 "/api/v1/webhooks/{id}/test":{"post":op("Queue a ping to the receiver, due now; its outcome appears in the deliveries","webhooks:manage",resp(202,obj(["deliveryID"],{"deliveryID":S}),"Queued"),[idp()],tag="webhooks")},
})
# Elimination and data marts (R1.10).
reasons=["deceased","undeliverable","on_request","other"]
parts=["profiles","contact_points","purchases","interactions","attributes"]
schemas.update({
 "Suppression":obj(["id","personID","reason","createdBy","createdAt"],{"id":S,"personID":S,"contactPointID":{**str_(),"description":"Set when only this contact point is suppressed"},"reason":{"enum":reasons},"note":str_(),"until":{**str_(),"description":"First day (YYYY-MM-DD) the suppression no longer applies"},"createdBy":S,"createdAt":S,"liftedAt":str_(),"liftedBy":str_()}),
 "SuppressionDraft":obj(["reason"],{"reason":{"enum":reasons},"note":{**str_(),"description":"Required for reason other"},"until":{**str_(),"description":"YYYY-MM-DD after today"},"contactPointID":{**str_(),"description":"Suppress only this contact point of the person"}}),
 "DataMart":obj(["id","key","name","rules","includes","createdBy","createdAt","updatedBy","updatedAt"],{"id":S,"key":S,"name":S,"description":str_(),"rules":{"type":"string","description":"Segment rule language"},"includes":{"type":"array","items":{"enum":parts[1:]}},"createdBy":S,"createdAt":S,"updatedBy":S,"updatedAt":S}),
 "DataMartDraft":obj(["name","rules"],{"key":{"type":"string","description":"Slug; required on POST, must match the path on PUT"},"name":S,"description":str_(),"rules":{"type":"string","description":"Segment rule language; errors give line and column"},"includes":{"type":"array","items":{"enum":parts[1:]}}}),
})
csv={"200":{"description":"CSV (RFC 4180, UTF-8), streamed","content":{"text/csv":{"schema":S}}}}
for c,d in [("401","No or bad API token"),("403","Role lacks permission"),("404","Not found"),("422","Invalid field values")]:
    csv[c]={"description":d,"content":{"application/problem+json":{"schema":ref("Problem")}}}
paths.update({
 "/api/v1/people/{id}/suppressions":{
   "get":op("A person's suppressions, current and lifted, newest first","people:read",resp(200,{"type":"array","items":ref("Suppression")}),[idp()],tag="suppressions"),
   "post":op("Suppress the person, or one contact point of theirs: contact segments, offers and data marts leave them out; an undeliverable point stops being primary","people:suppress",resp(201,ref("Suppression"),"Created"),[idp()],body("SuppressionDraft"),tag="suppressions")},
 "/api/v1/suppressions/{id}/lift":{"post":op("Lift a current suppression; it stays as history","people:suppress",resp(200,ref("Suppression")),[idp()],tag="suppressions")},
 "/api/v1/suppressions":{"get":op("Every suppression, newest first","people:read",resp(200,page("Suppression")),paging+[q("reason","Reason",reasons),q("current","Only current ones",["true","false"])],tag="suppressions")},
 "/api/v1/marts":{
   "get":op("Data marts","marts:manage",resp(200,{"type":"array","items":ref("DataMart")}),tag="marts"),
   "post":op("Define a data mart","marts:manage",resp(201,ref("DataMart"),"Created"),rb=body("DataMartDraft"),tag="marts")},
 "/api/v1/marts/count":{"post":op("How many people a rule would extract now (suppressed and merged people never)","marts:manage",resp(200,obj(["size"],{"size":{"type":"integer"}})),rb=body("DataMartDraft"),tag="marts")},
 "/api/v1/marts/{key}":{
   "get":op("Read a data mart","marts:manage",resp(200,ref("DataMart")),[idp("key","Mart key")],tag="marts"),
   "put":op("Replace a data mart's name, description, rule and includes","marts:manage",resp(200,ref("DataMart")),[idp("key","Mart key")],body("DataMartDraft"),tag="marts"),
   "delete":op("Delete a data mart","marts:manage",nocontent(),[idp("key","Mart key")],tag="marts")},
 "/api/v1/marts/{key}/export.csv":{"get":op("Export one part of the mart as CSV, streamed in person ID order; also needs data:export; each exported person is audited","marts:manage",csv,[idp("key","Mart key"),q("part","Part (default profiles); must be one the mart includes",parts)],tag="marts")},
})
# Survivorship (R1.3): the rule per attribute and where each golden value comes from.
rules=["trusted_source","majority","most_recent","most_complete"]
golden_attrs=["givenName","familyName","birthDate","gender","language","country","email","phone"]
setting=obj(["rule"],{"rule":{"enum":rules},"ignoresEmptyValues":{"type":"boolean","default":True},"comparison":{"enum":["folded","alphanumeric","exact"],"default":"folded"}})
source_=obj(["id","name","trustRank"],{"id":S,"name":S,"trustRank":{"type":"integer","description":"1 is the most trusted touchpoint; 0 is Staff"},"allowedAttributes":{"type":"array","items":S}})
schemas.update({
 "SurvivorshipSetting":setting,
 "SurvivorshipPolicy":obj([],{"default":ref("SurvivorshipSetting"),"attributes":{"type":"object","description":"Own settings per attribute ("+", ".join(golden_attrs)+"); others follow the default","additionalProperties":ref("SurvivorshipSetting")}}),
 "SurvivorshipPolicyDocument":obj(["default","attributes","effective"],{"default":ref("SurvivorshipSetting"),"attributes":{"type":"object","additionalProperties":ref("SurvivorshipSetting")},"effective":{"type":"array","items":obj(["attribute","label","rule","ignoresEmptyValues","comparison","own"],{"attribute":{"enum":golden_attrs},"label":S,"rule":{"enum":rules},"ignoresEmptyValues":{"type":"boolean"},"comparison":S,"own":{"type":"boolean"}})}}),
 "SurvivorshipChange":obj(["policy","recompute"],{"policy":ref("SurvivorshipPolicyDocument"),"recompute":obj(["profiles","changed"],{"profiles":{"type":"integer"},"changed":{"type":"integer","description":"Profiles whose value or primary contact point changed"}})}),
 "GoldenValue":obj(["attribute","label","rule","reason","candidates","excluded","computedAt"],{"attribute":{"enum":golden_attrs},"label":S,"value":str_(),"sourceID":str_(),"sourceName":str_(),"trustRank":{"type":["integer","null"]},"rawRecordID":str_(),"rule":{"enum":rules},"reason":S,"candidates":{"type":"array","description":"Every source's current value, best first by the rule","items":obj(["comparisonKey","source","observedAt","completeness"],{"value":str_(),"comparisonKey":S,"source":source_,"observedAt":{},"rawRecordID":str_(),"completeness":{"type":"integer"}})},"excluded":{"type":"array","description":"Observations set aside: empty, not allowed, or superseded by the same source","items":obj(["observation","reason"],{"observation":{"type":"object"},"reason":{"enum":["empty","not_allowed","superseded"]}})},"computedAt":S}),
})
schemas["CustomerView"]["properties"]["golden"]={"type":"array","items":ref("GoldenValue")}
paths.update({
 "/api/v1/survivorship":{
   "get":op("The survivorship policy: the rule per attribute and the default, with the setting in force for each","people:read",resp(200,ref("SurvivorshipPolicyDocument")),tag="survivorship"),
   "put":op("Replace the whole policy, then recompute every golden profile (in transactions of 2000 people); errors name the key, e.g. attributes.email.rule","identity:resolve",resp(200,ref("SurvivorshipChange")),rb=body("SurvivorshipPolicy"),tag="survivorship")},
 "/api/v1/survivorship/{key}":{"put":op("Set one attribute's rule (or the default's), then recompute every golden profile","identity:resolve",resp(200,ref("SurvivorshipChange")),[idp("key","default, or one of: "+", ".join(golden_attrs))],body("SurvivorshipSetting"),tag="survivorship")},
 "/api/v1/people/{id}/golden":{"get":op("Where each of the person's values comes from: the value, winning source and raw record, rule, reason, and the competing observations","people:read",resp(200,obj(["personID","attributes"],{"personID":S,"attributes":{"type":"array","items":ref("GoldenValue")}})),[idp()],tag="survivorship")},
})
# Households, movers and enrichment (R1.6, R1.8, R1.9).
csvbody=lambda d: {"required":True,"description":d,"content":{"text/csv":{"schema":{"type":"string"}}}}
problems={"type":"array","items":obj(["line","status","reasons"],{"line":{"type":"integer"},"status":{"enum":["ambiguous","no_match","rejected"]},"reasons":{"type":"array","items":S}})}
integer={"type":"integer"}
schemas.update({
 "HouseholdRule":obj([],{"linksSameAddressAndFamilyName":{"type":"boolean","default":True},"linksSameAddressAlone":{"type":"boolean","default":False},"sharedContacts":{"enum":["never","same_address","anywhere"],"default":"anywhere"},"maximumPeoplePerAddress":{"type":"integer","minimum":2,"maximum":1000,"default":10},"maximumPeoplePerContact":{"type":"integer","minimum":2,"maximum":1000,"default":6}}),
 "HouseholdRebuildSummary":obj(["people","households","householdsCreated","householdsChanged","householdsDissolved","peopleMoved","linksAdded","linksRemoved","crowdedAddresses","crowdedContacts","rule"],{"people":integer,"households":integer,"householdsCreated":integer,"householdsChanged":integer,"householdsDissolved":integer,"peopleMoved":integer,"linksAdded":integer,"linksRemoved":integer,"crowdedAddresses":integer,"crowdedContacts":integer,"rule":ref("HouseholdRule")}),
 "MoversSummary":obj(["rows","matched","movedPeople","movedHouseholds","ambiguous","unmatched","rejected","problems","ignoredColumns"],{"rows":integer,"matched":integer,"movedPeople":integer,"movedHouseholds":integer,"ambiguous":integer,"unmatched":integer,"rejected":integer,"problems":problems,"ignoredColumns":{"type":"array","items":S},"encoding":S,"stopped":S}),
 "EnrichmentSummary":obj(["rows","applied","valuesSet","unmatched","ambiguous","rejected","problems"],{"rows":integer,"applied":integer,"valuesSet":integer,"unmatched":integer,"ambiguous":integer,"rejected":integer,"problems":problems,"encoding":S,"stopped":S}),
})
paths.update({
 "/api/v1/households/rule":{
   "get":op("The household rule in force","identity:resolve",resp(200,ref("HouseholdRule")),tag="households"),
   "put":op("Set the household rule (absent fields take the standard values)","identity:resolve",resp(200,ref("HouseholdRule")),rb=body("HouseholdRule"),tag="households")},
 "/api/v1/households/rebuild":{"post":op("Regroup everyone into households by the rule; household IDs stay with the group keeping most of their members","identity:resolve",resp(200,ref("HouseholdRebuildSummary")),tag="households")},
 "/api/v1/movers":{"post":op("Apply a movers file: old addresses end and new ones start on the effective date; ambiguous rows move nobody","identity:resolve",resp(200,ref("MoversSummary")),[q("source","Touchpoint of the new addresses (default: movers)"),q("effectiveDateColumn","The date column when it has another name"),q("dateFormat","How dates are written",["yyyy-mm-dd","dd.mm.yyyy","mm/dd/yyyy"]),q("delimiter","Field separator",[",",";","tab","|"]),q("encoding","Text encoding (default: detect)"),q("name","File name shown in the audit trail")],csvbody("CSV with surname (and first_name), old_address, old_city, old_postcode, new_address, new_city, new_postcode, country (or old_country/new_country), move_date and optionally type (F or I)."),tag="households")},
 "/api/v1/enrichments":{"post":op("Apply a third party's attributes to matched profiles, stored with their provenance","identity:resolve",resp(200,ref("EnrichmentSummary")),[{"name":"source","in":"query","required":True,"schema":S,"description":"Touchpoint name or ID the data comes from"},{"name":"mapping","in":"query","required":True,"schema":S,"description":"Import mapping JSON: key columns to email, phone, externalID, loyaltyCard; value columns to attributes.KEY"},q("personIDColumn","A column holding Rapport person IDs"),q("name","File name stored in the provenance")],csvbody("CSV, one person per row."),tag="households")},
})
doc={"openapi":"3.1.0","info":{"title":"Rapport API","version":"1.0.0","description":"Rapport's JSON API. Authenticate with `Authorization: Bearer rpt_…` (create a token with `rapport token create`). Errors are RFC 9457 problem documents naming each bad field. Lists use keyset pagination: pass `nextCursor` back as `cursor`.","license":{"name":"Apache-2.0"}},
 "servers":[{"url":"/"}],"security":[{"bearer":[]}],"paths":paths,
 "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},"schemas":schemas}}
print(json.dumps(doc,indent=2,ensure_ascii=False))
